import Spec

extension ManifestSet {
    /// Only what one hypervisor declares (and every Distribution), so each host is planned on its own.
    func restricted(to hypervisor: String) -> ManifestSet {
        var copy = self
        copy.hypervisors = hypervisors.filter { $0.name == hypervisor }
        copy.networks = networks.filter { $0.hypervisor == hypervisor }
        copy.pools = pools.filter { $0.hypervisor == hypervisor }
        copy.virtualMachines = virtualMachines.filter { $0.hypervisor == hypervisor }
        return copy
    }
}
