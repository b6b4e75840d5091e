/// Something that must be fixed on a host before reconcile may change it: `apply` refuses to run
/// any step on a host with a blocker.
public struct PreflightBlocker: Sendable, Hashable, Codable {
    public var hypervisor: String
    public var message: String
    public var hint: String

    public init(hypervisor: String, message: String, hint: String) {
        self.hypervisor = hypervisor
        self.message = message
        self.hint = hint
    }
}
