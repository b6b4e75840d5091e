/// A hypervisor that could not be reached or read during a pass: it has no steps in the plan, and
/// the run does not converge until it answers.
public struct UnreachableHost: Sendable, Hashable, Codable {
    public var hypervisor: String
    public var uri: String
    public var reason: String

    public init(hypervisor: String, uri: String, reason: String) {
        self.hypervisor = hypervisor
        self.uri = uri
        self.reason = reason
    }
}
