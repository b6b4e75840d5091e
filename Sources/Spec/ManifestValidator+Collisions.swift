import Localization

/// Things two resources may not share: a libvirt connection, a MAC address, a volume file.
/// Each error names both places, since either may be the one to change.
extension ManifestValidator {
    func collisions() -> [Diagnostic] {
        sharedURIs() + sharedMACs() + sharedVolumes()
    }

    /// Two Hypervisors on one URI are one host planned twice, each pruning what the other creates.
    private func sharedURIs() -> [Diagnostic] {
        var first: [String: HypervisorSpec] = [:]
        var diagnostics: [Diagnostic] = []
        for hypervisor in set.hypervisors where !hypervisor.isImplicit {
            if let earlier = first[hypervisor.uri] {
                diagnostics.append(Diagnostic(hypervisor.metadata.location(of: "spec.uri"), field: "spec.uri",
                                              .field("spec.uri", DiagnosticText(LocalizedMessage("spec.hypervisorURITwice", [
                                                  "first": earlier.name, "firstLocation": earlier.metadata.location(of: "spec.uri").description,
                                                  "second": hypervisor.name, "uri": hypervisor.uri,
                                              ])))))
            } else {
                first[hypervisor.uri] = hypervisor
            }
        }
        return diagnostics
    }

    /// One MAC on two guests breaks both on any network they share, and DHCP leases follow MACs.
    private func sharedMACs() -> [Diagnostic] {
        var first: [String: (vm: String, location: SourceLocation)] = [:]
        var diagnostics: [Diagnostic] = []
        for vm in set.virtualMachines {
            var own: Set<String> = []
            for (index, attachment) in vm.networks.enumerated() {
                guard let mac = attachment.mac, own.insert(mac).inserted else { continue }
                if let earlier = first[mac] {
                    diagnostics.append(Diagnostic(attachment.location, field: "spec.networks[\(index)].mac",
                                                  .field("spec.networks[\(index)].mac", DiagnosticText(LocalizedMessage("spec.macCollision", [
                                                      "mac": mac, "vm": earlier.vm, "location": earlier.location.description,
                                                  ])))))
                } else {
                    first[mac] = (vm.name, attachment.location)
                }
            }
        }
        return diagnostics
    }

    /// Volume names join VM and disk names with '-', so VM `a-b` disk `c` and VM `a` disk `b-c`
    /// would both own `a-b-c.qcow2`: the second VM would boot the first one's disk.
    private func sharedVolumes() -> [Diagnostic] {
        var first: [String: (vm: String, disk: String, location: SourceLocation)] = [:]
        var diagnostics: [Diagnostic] = []
        for vm in set.virtualMachines {
            for (index, disk) in vm.disks.enumerated() {
                let volume = disk.volumeName(vm: vm.name)
                let key = "\(vm.hypervisor)/\(disk.pool)/\(volume)"
                if let earlier = first[key] {
                    guard earlier.vm != vm.name else { continue }  // two disks of one VM: reported as a duplicate name
                    diagnostics.append(Diagnostic(disk.location, field: "spec.disks[\(index)]",
                                                  .field("spec.disks[\(index)]", DiagnosticText(LocalizedMessage("spec.volumeCollision", [
                                                      "disk": disk.name, "vm": vm.name, "otherDisk": earlier.disk, "otherVM": earlier.vm,
                                                      "location": earlier.location.description, "volume": volume, "pool": disk.pool,
                                                  ])))))
                } else {
                    first[key] = (vm.name, disk.name, disk.location)
                }
            }
        }
        return diagnostics
    }
}
