/// The result of `reconcile detect`: what the host is and which hypervisors
/// it can run, rung by rung.
public struct DetectionReport: Sendable, Codable, Equatable {
    public var platform: String
    public var distribution: Distribution
    public var user: UserIdentity
    public var hypervisors: HypervisorReports
    public var defaultHypervisor: HypervisorKind?
    public var roles: [HostRole]

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(platform, forKey: .platform)
        try container.encode(distribution, forKey: .distribution)
        try container.encode(user, forKey: .user)
        try container.encode(hypervisors, forKey: .hypervisors)
        try container.encode(defaultHypervisor, forKey: .defaultHypervisor)
        try container.encode(roles, forKey: .roles)
    }
}
