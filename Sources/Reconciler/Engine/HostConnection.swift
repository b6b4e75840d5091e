/// Everything the engine reaches one host through. Host-level and guest-level access join the
/// hypervisor here as the features that need them arrive.
public struct HostConnection: Sendable {
    public var hypervisor: any Hypervisor
    /// The machine below libvirt, for hypervisors with `state: ready`; nil for `observed` ones.
    public var system: (any HostSystem)?

    public init(hypervisor: any Hypervisor) {
        self.hypervisor = hypervisor
    }
}
