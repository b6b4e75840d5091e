/// Everything detected about LXD on the host.
public struct LXDReport: Sendable, Codable, Equatable {
    public var available: Bool
    public var installed: Bool
    public var enabled: Bool
    public var running: Bool
    public var initialized: Bool
    public var canAutoInstall: Bool
    /// "snap" or "package"; nil when not installed.
    public var installMethod: String?
    public var version: String?
    /// lxd init creates the database; a pool directory shows storage was configured.
    public var databasePresent: Bool
    public var storagePools: [String]
    public var services: [ServiceStatus]
    public var blockers: [Blocker]

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(available, forKey: .available)
        try c.encode(installed, forKey: .installed)
        try c.encode(enabled, forKey: .enabled)
        try c.encode(running, forKey: .running)
        try c.encode(initialized, forKey: .initialized)
        try c.encode(canAutoInstall, forKey: .canAutoInstall)
        try c.encode(installMethod, forKey: .installMethod)
        try c.encode(version, forKey: .version)
        try c.encode(databasePresent, forKey: .databasePresent)
        try c.encode(storagePools, forKey: .storagePools)
        try c.encode(services, forKey: .services)
        try c.encode(blockers, forKey: .blockers)
    }
}
