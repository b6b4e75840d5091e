import Localization
import Spec

extension HostPlanner {
    /// The domains other than `excluded` with a disk on the volume, whichever way their XML names it.
    func otherUsers(ofVolume name: String, pool: String, except excluded: String) -> [ObservedDomain] {
        let path = state.volume(pool: pool, name: name)?.path ?? builder.volumePath(pool: pool, volume: name)
        return state.diskUsers(ofVolume: name, pool: pool, path: path, except: excluded)
    }

    /// A conflict for each declared disk whose volume another domain already uses; true when there
    /// is one. The VM is then left alone: defining it would give two guests one disk, and either
    /// would corrupt the other's file system.
    mutating func disksUsedByOtherDomains(_ spec: VirtualMachineSpec) -> Bool {
        var found = false
        for disk in spec.disks {
            let volume = disk.volumeName(vm: spec.name)
            guard let user = otherUsers(ofVolume: volume, pool: disk.pool, except: spec.name).first else { continue }
            conflict(ResourceAddress.volume(hypervisor: name, pool: disk.pool, name: volume),
                     LocalizedMessage("plan.volume.inUse", ["volume": "\(disk.pool)/\(volume)", "user": user.name]),
                     hint: LocalizedMessage("plan.volume.inUseHint", ["name": spec.name, "user": user.name]))
            found = true
        }
        return found
    }
}
