extension ManifestSet {
    /// Everything but the named hypervisors and what is declared on them.
    public func excludingHypervisors(_ names: Set<String>) -> ManifestSet {
        guard !names.isEmpty else { return self }
        return keeping(hypervisors: hypervisors.map(\.name).filter { !names.contains($0) }, virtualMachines: nil)
    }

    /// The part of the manifests a run limited by `--target` reconciles. A Hypervisor's name selects
    /// it with everything declared on it; a VirtualMachine's name (or `HYPERVISOR/VM`) selects the VM
    /// and what it needs: its hypervisor, the networks it attaches to, the pools of its disks and the
    /// distributions it boots from. No targets select everything.
    public func targeting(_ targets: [String]) throws(UnknownTargetError) -> ManifestSet {
        guard !targets.isEmpty else { return self }
        var wholeHosts: [String] = []
        var machines: [VirtualMachineSpec] = []
        for target in targets {
            if hypervisor(named: target) != nil {
                wholeHosts.append(target)
                continue
            }
            let matching = virtualMachines.filter { $0.name == target || "\($0.hypervisor)/\($0.name)" == target }
            guard !matching.isEmpty else {
                let candidates = hypervisors.map(\.name) + virtualMachines.map(\.name)
                throw UnknownTargetError(target: target, suggestion: Suggestion.didYouMean(target, among: candidates))
            }
            machines += matching
        }
        let hosts = Set(wholeHosts + machines.map(\.hypervisor))
        return keeping(hypervisors: hypervisors.map(\.name).filter(hosts.contains),
                       virtualMachines: (whole: Set(wholeHosts), machines: machines))
    }

    /// Whether a target selects only part of a hypervisor (a VM): pruning would then delete the rest.
    public func selectsPartOfAHost(_ targets: [String]) -> Bool {
        targets.contains { hypervisor(named: $0) == nil }
    }

    /// The given hypervisors; on those in `virtualMachines.whole` (all when it is nil) everything
    /// declared, on the others only the listed VMs and what they depend on.
    private func keeping(hypervisors kept: [String], virtualMachines selection: (whole: Set<String>, machines: [VirtualMachineSpec])?) -> ManifestSet {
        let keptHosts = Set(kept)
        let whole = selection?.whole ?? keptHosts
        let machines = selection?.machines.filter { !whole.contains($0.hypervisor) } ?? []
        func needed(_ hypervisor: String, _ name: String, _ names: (VirtualMachineSpec) -> [String]) -> Bool {
            whole.contains(hypervisor) || machines.contains { $0.hypervisor == hypervisor && names($0).contains(name) }
        }
        var copy = self
        copy.hypervisors = hypervisors.filter { keptHosts.contains($0.name) }
        copy.networks = networks.filter { needed($0.hypervisor, $0.name) { $0.networks.map(\.network) } }
        copy.pools = pools.filter { needed($0.hypervisor, $0.name) { $0.disks.map(\.pool) } }
        copy.virtualMachines = virtualMachines.filter { vm in
            whole.contains(vm.hypervisor) || machines.contains { $0.hypervisor == vm.hypervisor && $0.name == vm.name }
        }
        let booted = Set(copy.virtualMachines.flatMap { $0.disks.compactMap(\.from) })
        copy.distributions = distributions.filter { booted.contains($0.name) }
        return copy
    }
}
