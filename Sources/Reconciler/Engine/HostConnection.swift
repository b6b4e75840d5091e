/// Everything the engine reaches one host through. Host-level and guest-level access join the
/// hypervisor here as the features that need them arrive.
public struct HostConnection: Sendable {
    public var hypervisor: any Hypervisor

    public init(hypervisor: any Hypervisor) {
        self.hypervisor = hypervisor
    }
}
