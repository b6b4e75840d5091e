import Localization

/// Fills in what a manifest may leave out: the implicit `local` hypervisor, a VM's hypervisor when only
/// one is declared, and a disk's pool when its hypervisor has exactly one.
struct ManifestResolver {
    func resolve(_ set: inout ManifestSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if set.hypervisors.isEmpty {
            let location = SourceLocation(file: "<implicit>", line: 1, column: 1)
            set.hypervisors.append(HypervisorSpec(metadata: ResourceMetadata(name: HypervisorSpec.implicitName, location: location),
                                                  isImplicit: true))
        }
        let names = set.hypervisors.map(\.name)
        func defaultHypervisor(_ current: String, at location: SourceLocation, kind: String, name: String) -> String {
            guard current.isEmpty else { return current }
            if names.count == 1 { return names[0] }
            diagnostics.append(Diagnostic(location, field: "spec.hypervisor",
                                          .field("spec.hypervisor", DiagnosticText(LocalizedMessage("spec.hypervisorAmbiguous", [
                                              "kind": kind, "name": name, "count": String(names.count), "hypervisors": names.joined(separator: ", "),
                                          ])))))
            return current
        }
        for index in set.networks.indices {
            let network = set.networks[index]
            set.networks[index].hypervisor = defaultHypervisor(network.hypervisor, at: network.metadata.location, kind: "Network", name: network.name)
        }
        for index in set.pools.indices {
            let pool = set.pools[index]
            set.pools[index].hypervisor = defaultHypervisor(pool.hypervisor, at: pool.metadata.location, kind: "StoragePool", name: pool.name)
        }
        for index in set.virtualMachines.indices {
            let vm = set.virtualMachines[index]
            let hypervisor = defaultHypervisor(vm.hypervisor, at: vm.metadata.location, kind: "VirtualMachine", name: vm.name)
            set.virtualMachines[index].hypervisor = hypervisor
            let pools = set.pools.filter { $0.hypervisor == hypervisor }.map(\.name)
            for diskIndex in vm.disks.indices where vm.disks[diskIndex].pool.isEmpty {
                if pools.count == 1 {
                    set.virtualMachines[index].disks[diskIndex].pool = pools[0]
                } else {
                    let disk = vm.disks[diskIndex]
                    let message = pools.isEmpty
                        ? LocalizedMessage("spec.diskPoolNoPools", ["disk": disk.name, "hypervisor": hypervisor])
                        : LocalizedMessage("spec.diskPoolAmbiguous", [
                            "disk": disk.name, "hypervisor": hypervisor, "count": String(pools.count), "pools": pools.joined(separator: ", "),
                        ])
                    diagnostics.append(Diagnostic(disk.location, field: "spec.disks[\(diskIndex)].pool",
                                                  .field("spec.disks[\(diskIndex)].pool", DiagnosticText(message))))
                }
            }
            if let cdrom = vm.cdrom, cdrom.pool.isEmpty {
                // A download goes where the VM's first disk is; a volume must be found in the only pool.
                if case .download = cdrom.source, let first = set.virtualMachines[index].disks.first?.pool, !first.isEmpty {
                    set.virtualMachines[index].cdrom?.pool = first
                } else if pools.count == 1 {
                    set.virtualMachines[index].cdrom?.pool = pools[0]
                } else {
                    let message = pools.isEmpty
                        ? LocalizedMessage("spec.cdromPoolNoPools", ["vm": vm.name, "hypervisor": hypervisor])
                        : LocalizedMessage("spec.cdromPoolAmbiguous", [
                            "vm": vm.name, "hypervisor": hypervisor, "count": String(pools.count), "pools": pools.joined(separator: ", "),
                        ])
                    diagnostics.append(Diagnostic(cdrom.location, field: "spec.cdrom.pool",
                                                  .field("spec.cdrom.pool", DiagnosticText(message))))
                }
            }
        }
        return diagnostics
    }
}
