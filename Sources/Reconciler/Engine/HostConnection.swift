/// Everything the engine reaches one host through. Host-level and guest-level access join the
/// hypervisor here as the features that need them arrive.
public struct HostConnection: Sendable {
    public var hypervisor: any Hypervisor
    public var provisioning: ProvisioningServices?
    /// The machine below libvirt, for hypervisors with `state: ready`; nil for `observed` ones.
    public var system: (any HostSystem)?

    public init(hypervisor: any Hypervisor, provisioning: ProvisioningServices? = nil) {
        self.hypervisor = hypervisor
        self.provisioning = provisioning
    }
}
