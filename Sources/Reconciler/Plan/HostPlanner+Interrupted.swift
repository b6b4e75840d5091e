import Foundation
import Localization
import Spec

/// What an interrupted apply left on this host. Most steps re-plan from observation alone; the holes
/// are volumes: one half-written when the run died looks finished, and one created for a VM whose
/// domain was never defined belongs to nothing reconcile can see. The journal names both.
extension HostPlanner {
    /// Volumes an interrupted run began to write and never finished, that no domain uses: the
    /// planner treats them as absent (so they are created again when still declared) and deletes them first.
    static func halfWritten(_ interrupted: [InterruptedApply], hypervisor: String, in state: HostState) -> [ObservedVolume] {
        let started = Set(interrupted.flatMap(\.volumes).filter { $0.hypervisor == hypervisor && !$0.complete }
            .map { "\($0.pool)/\($0.name)" })
        let indexed = IndexedHostState(state)
        return state.volumes.filter { started.contains("\($0.pool)/\($0.name)") && !isInUse($0, in: indexed) }
    }

    /// A domain has it as a disk, kernel or initrd, owns it, or was built on it as its base image.
    static func isInUse(_ volume: ObservedVolume, in state: IndexedHostState) -> Bool {
        if !state.diskUsers(ofVolume: volume.name, pool: volume.pool, path: volume.path, except: "").isEmpty { return true }
        return state.domains.contains { domain in
            domain.kernel == volume.path || domain.initrd == volume.path
                || (domain.ownership?.volumes ?? []).contains { $0.pool == volume.pool && $0.name == volume.name }
                || domain.ownership?.baseImage.map { volume.name.contains(Self.digestHex($0)) } == true
        }
    }

    private static func digestHex(_ digest: String) -> String {
        String(digest.split(separator: ":").last ?? Substring(digest))
    }

    /// Before anything else: says what the interrupted runs were doing, and deletes each half-written
    /// volume; steps that create it again wait for the deletion (see `add`).
    mutating func planInterruptedCleanup() {
        for run in interrupted where !run.alreadyReported {
            let during = run.unfinishedSteps.filter { $0.hypervisor == name }.map(\.step)
            // Said on the host it stopped on; a run killed between steps is said on every host.
            if during.isEmpty && !run.unfinishedSteps.isEmpty { continue }
            var arguments = ["owner": run.owner, "pid": "\(run.pid)", "started": run.started.formatted(.iso8601), "name": name]
            arguments["steps"] = during.joined(separator: ", ")
            notice(during.isEmpty ? LocalizedMessage("plan.notice.interruptedBetween", arguments)
                : LocalizedMessage("plan.notice.interruptedDuring", arguments))
        }
        for volume in discarded.sorted(by: { ($0.pool, $0.name) < ($1.pool, $1.name) }) {
            let resource = ResourceAddress.volume(hypervisor: name, pool: volume.pool, name: volume.name)
            let first = steps.count
            let id = add(resource, .deleteVolume(pool: volume.pool, name: volume.name),
                         reason: LocalizedMessage("plan.reason.halfWritten"))
            cleanupSteps[resource] = id
            record(resource, .delete, fields: [
                FieldChange(field: "path", before: volume.path, after: nil),
            ], sinceStep: first)
        }
    }

    /// After everything else: a volume an interrupted run created in full that nothing uses, no
    /// step of this plan needs and no manifest declares is deleted, with or without --prune: it
    /// never held anything but what reconcile wrote into it.
    mutating func planLeftoverVolumes() {
        let created = interrupted.flatMap(\.volumes).filter { $0.hypervisor == name && $0.complete }
        var seen: Set<String> = []
        let needed = neededPaths()
        let declared = declaredVolumeNames()
        for leftover in created where seen.insert("\(leftover.pool)/\(leftover.name)").inserted {
            guard let volume = state.volume(pool: leftover.pool, name: leftover.name),
                  !Self.isInUse(volume, in: state), !needed.contains(volume.path),
                  !declared.contains("\(volume.pool)/\(volume.name)") else { continue }
            let resource = ResourceAddress.volume(hypervisor: name, pool: volume.pool, name: volume.name)
            guard !steps.contains(where: { $0.resource == resource }) else { continue }
            let first = steps.count
            add(resource, .deleteVolume(pool: volume.pool, name: volume.name),
                reason: LocalizedMessage("plan.reason.leftover"))
            record(resource, .delete, fields: [
                FieldChange(field: "path", before: volume.path, after: nil),
            ], sinceStep: first)
        }
    }

    /// Paths the planned steps put into a domain or use as a backing file.
    private func neededPaths() -> Set<String> {
        var paths: Set<String> = []
        for step in steps {
            switch step.action {
            case .defineDomain(let definition):
                paths.formUnion(definition.disks.map(\.path))
                paths.formUnion([definition.seedPath, definition.kernelPath, definition.initrdPath, definition.cdrom?.path].compactMap { $0 })
            case .createVolume(let definition):
                if let backing = definition.backingPath { paths.insert(backing) }
            default:
                continue
            }
        }
        return paths
    }

    /// `pool/name` of every volume the manifests declare on this host: VMs' disks, their current
    /// seeds, and the base images of their distributions.
    private func declaredVolumeNames() -> Set<String> {
        var names: Set<String> = []
        for spec in virtualMachines where spec.state != .absent {
            for disk in spec.disks { names.insert("\(disk.pool)/\(disk.volumeName(vm: spec.name))") }
            if let cdrom = spec.cdrom, case .download = cdrom.source,
               let digest = facts.digests[ProvisioningFacts.cdromKey(hypervisor: name, vm: spec.name)] {
                names.insert("\(cdrom.pool)/\(ImageTransfer.volumeName(role: .iso, digest: digest, format: .raw))")
            }
            guard let image = spec.disks.first(where: { $0.from != nil }),
                  let distribution = manifests.distributions.first(where: { $0.name == spec.bootDistribution }) else { continue }
            if let seed = facts.seedDigests["\(name)/\(spec.name)"] {
                names.insert("\(image.pool)/\(SeedUpload.volumeName(guest: spec.name, digest: seed))")
            }
            for role in [ImageTransfer.Role.disk, .kernel, .initrd, .iso] {
                guard let digest = facts.digests[ProvisioningFacts.key(distribution: distribution.name, role: role)] else { continue }
                let format = role == .disk ? distribution.cloudImage?.format ?? .qcow2 : .raw
                names.insert("\(image.pool)/\(ImageTransfer.volumeName(role: role, digest: digest, format: format))")
            }
        }
        return names
    }
}
