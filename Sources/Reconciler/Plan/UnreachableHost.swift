/// A hypervisor that could not be reached or read during a pass: it has no steps in the plan, and
/// the run does not converge until it answers.
public struct UnreachableHost: Sendable, Hashable, Codable {
    public var hypervisor: String
    public var uri: String
    public var reason: String
    /// What to do about it, when reconcile can tell (no libvirtd on a first run).
    public var hints: [String]

    public init(hypervisor: String, uri: String, reason: String, hints: [String] = []) {
        self.hypervisor = hypervisor
        self.uri = uri
        self.reason = reason
        self.hints = hints
    }
}
