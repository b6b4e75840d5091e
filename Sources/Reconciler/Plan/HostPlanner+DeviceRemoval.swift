import Localization
import Spec

extension HostPlanner {
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

    /// Says which undeclared devices stay (not reconcile's), and that a removed disk's volume is kept:
    /// taking a disk out of a manifest never deletes its data, whatever `deleteWithVM` says (that
    /// applies when the VM itself goes); declaring the disk again attaches the same volume.
    mutating func noticeDeviceRemoval(_ spec: VirtualMachineSpec, desired: DomainDefinition, observed: ObservedDomain) {
        let removal = DeviceRemoval(desired: desired, observed: observed)
        for device in removal.kept {
            notice(LocalizedMessage("plan.deviceKept", ["device": "\(device)", "vm": spec.name]))
        }
        for disk in removal.disks {
            notice(LocalizedMessage("plan.diskDetached", ["target": disk.target, "vm": spec.name, "volume": disk.source ?? "?"]))
        }
    }

    static func describe(_ interface: ObservedDomain.Interface) -> String {
        let source = interface.type == "network" ? interface.source ?? "?" : "\(interface.type) \(interface.source ?? "?")"
        return interface.mac.map { "\(source) (\($0))" } ?? source
    }
}
