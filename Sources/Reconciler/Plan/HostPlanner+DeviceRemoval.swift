import Spec

extension HostPlanner {
    /// The domain's disks and NICs that the manifest does not declare, split into those reconcile
    /// attached (its record names them: they go) and the rest (someone else's: they stay, said in a notice).
    struct DeviceRemoval {
        var disks: [ObservedDomain.Disk] = []
        var interfaces: [ObservedDomain.Interface] = []
        /// The undeclared devices that are not reconcile's, as a person reads them.
        var kept: [String] = []
    }

    static func deviceRemoval(_ desired: DomainDefinition, _ observed: ObservedDomain) -> DeviceRemoval {
        var removal = DeviceRemoval()
        // A record written before devices were recorded owns none: nothing is guessed from it.
        let owned = observed.ownership?.devices ?? OwnedDevices()
        let targets = Set(desired.disks.map(\.target))
        // The cloud-init seed and other CD-ROMs are not manifest disks.
        for disk in observed.disks where disk.device == "disk" && !targets.contains(disk.target) {
            if owned.owns(disk: disk) {
                removal.disks.append(disk)
            } else {
                removal.kept.append("disk \(disk.target) (\(disk.source ?? "no source"))")
            }
        }
        let matched = Set(observed.interfaceMatches(for: desired.interfaces).compactMap { $0 })
        for (index, interface) in observed.interfaces.enumerated() where !matched.contains(index) {
            if owned.owns(interface: interface) {
                removal.interfaces.append(interface)
            } else {
                removal.kept.append("NIC \(interface.mac ?? "without MAC") on \(interface.source ?? interface.type)")
            }
        }
        return removal
    }

    /// Moves the removals out of a running guest's definition patch: they are unplugged from the guest
    /// and then its definition by their own step, which can wait for the guest to release them.
    static func deviceDetach(taking patch: inout DomainPatch, observed: ObservedDomain) -> DeviceDetach {
        let disks = observed.disks.filter { disk in disk.device == "disk" && patch.removedDisks.contains(disk.target) }
            .compactMap { disk in disk.source.map { OwnedDevices.Disk(target: disk.target, source: $0) } }
        let detach = DeviceDetach(name: patch.name, uuid: patch.uuid, disks: disks, interfaces: patch.removedInterfaces)
        patch.removedDisks = []
        patch.removedInterfaces = []
        return detach
    }

    static func describe(_ interface: ObservedDomain.Interface) -> String {
        let source = interface.type == "network" ? interface.source ?? "?" : "\(interface.type) \(interface.source ?? "?")"
        return interface.mac.map { "\(source) (\($0))" } ?? source
    }
}

extension HostPlanner {
    /// Says which undeclared devices stay (not reconcile's), and that a removed disk's volume is kept:
    /// taking a disk out of a manifest never deletes its data, whatever `deleteWithVM` says (that
    /// applies when the VM itself goes); declaring the disk again attaches the same volume.
    mutating func noticeDeviceRemoval(_ spec: VirtualMachineSpec, desired: DomainDefinition, observed: ObservedDomain) {
        let removal = Self.deviceRemoval(desired, observed)
        for device in removal.kept {
            notice("\(device) of '\(spec.name)' is not in the manifest and was not attached by reconcile: it stays")
        }
        for disk in removal.disks {
            notice("disk \(disk.target) is detached from '\(spec.name)'; its volume \(disk.source ?? "?") is kept (removing a disk never deletes its data; declare it again to re-attach it, or delete the volume by hand)")
        }
    }
}
