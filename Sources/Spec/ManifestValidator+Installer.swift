extension ManifestValidator {
    /// A cdrom's pool must be declared; an installer VM's cdrom is its installer ISO, and its boot
    /// disk is blank, so it needs a size and cannot take a second cdrom or reconcile's agent.
    func cdromReferences(_ vm: VirtualMachineSpec, pools: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let cdrom = vm.cdrom, !cdrom.pool.isEmpty, !pools.contains(cdrom.pool) {
            diagnostics.append(Diagnostic(cdrom.location, field: "spec.cdrom.pool",
                                          "spec.cdrom.pool: the cdrom of VM '\(vm.name)' uses pool '\(cdrom.pool)', which is not declared on hypervisor '\(vm.hypervisor)'\(Suggestion.didYouMean(cdrom.pool, among: pools))"))
        }
        guard let name = vm.bootDistribution, let distribution = set.distribution(named: name), distribution.installer != nil else {
            return diagnostics
        }
        if let cdrom = vm.cdrom {
            diagnostics.append(Diagnostic(cdrom.location, field: "spec.cdrom",
                                          "spec.cdrom: VM '\(vm.name)' is installed from the installer ISO of Distribution '\(name)', which is its cdrom; remove spec.cdrom"))
        }
        if let index = vm.disks.firstIndex(where: { $0.from == name }), vm.disks[index].size == nil {
            diagnostics.append(Diagnostic(vm.disks[index].location, field: "spec.disks[\(index)].size",
                                          "spec.disks[\(index)].size: Distribution '\(name)' has no cloud image, so disk '\(vm.disks[index].name)' starts blank and needs a size (for example 20GiB)"))
        }
        if vm.cloudInit != nil {
            diagnostics.append(Diagnostic(vm.metadata.location(of: "spec.cloudInit"), field: "spec.cloudInit",
                                          "spec.cloudInit: VM '\(vm.name)' is installed from an installer ISO, whose seed carries the answer file of Distribution '\(name)'; configure the guest there"))
        }
        if vm.agent != nil {
            diagnostics.append(Diagnostic(vm.metadata.location(of: "spec.agent"), field: "spec.agent",
                                          "spec.agent: VM '\(vm.name)' is installed from an installer ISO, where reconcile has no login to install an agent with; install it from the answer file"))
        }
        return diagnostics
    }
}
