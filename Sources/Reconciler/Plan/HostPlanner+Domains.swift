import Localization
import Spec

extension HostPlanner {
    mutating func planVirtualMachines() {
        for spec in virtualMachines {
            let resource = address(.domain, spec.name)
            let observed = state.domain(named: spec.name)
            if let observed, observed.ownership == nil, !spec.metadata.adopt {
                let deleting = spec.state == .absent
                if let recorded = observed.ownershipRecordedFor {
                    let arguments = Self.copyArguments(observed, recorded: recorded)
                    conflict(resource, deleting ? LocalizedMessage("plan.domain.copyNotDeleted", arguments)
                                 : LocalizedMessage("plan.domain.copyNotManaged", arguments),
                             hint: LocalizedMessage("plan.domain.copyHint"))
                } else {
                    conflict(resource, deleting ? LocalizedMessage("plan.domain.existsNotDeleted", ["name": spec.name])
                                 : LocalizedMessage("plan.domain.existsNotManaged", ["name": spec.name]),
                             hint: LocalizedMessage("plan.adoptHint"))
                }
                continue
            }
            if spec.state == .absent {
                if let observed {
                    planDomainDeletion(observed, reason: LocalizedMessage("plan.reason.stateAbsent"), stopTimeout: spec.stopTimeout,
                                       alsoDeleting: Set(spec.disks.filter(\.deleteWithVM).map { $0.volumeName(vm: spec.name) }))
                }
                continue
            }
            if disksUsedByOtherDomains(spec) { continue }
            var current = observed
            var deletions: [String] = []
            var recreated: Set<String> = []
            if let observed, options.replace.contains(spec.name) {
                // Rebuilt from its image: the image disk and the seed go, data disks stay.
                recreated = Set(spec.disks.filter { $0.from != nil }.map { $0.volumeName(vm: spec.name) })
                recreated.formUnion((observed.ownership?.volumes ?? []).map(\.name).filter { $0.hasPrefix("\(spec.name)-seed-") })
                deletions = planDomainDeletion(observed, reason: LocalizedMessage("plan.reason.replaced"), stopTimeout: spec.stopTimeout,
                                               alsoDeleting: recreated)
                current = nil
            }
            var image: GuestImagePlan?
            let distribution = spec.bootDistribution.flatMap { manifests.distribution(named: $0) }
            if let distribution {
                image = distribution.installer == nil ? planGuestImage(spec, distribution: distribution, observed: current, after: deletions)
                    : planInstallerImage(spec, distribution: distribution, observed: current, after: deletions)
                if image == nil { continue }
            }
            guard let cdrom = planCDROM(spec, after: deletions) else { continue }
            let volumeSteps = planVolumes(for: spec, image: image, recreated: recreated, after: deletions)
            let desired = planDomain(spec, observed: current, volumeSteps: volumeSteps + (image?.readySteps ?? []) + cdrom.steps + deletions,
                                     image: image, cdromPath: cdrom.path)
                // An installer VM has no login for reconcile: it is ready once defined and started.
            if let distribution, distribution.installer == nil {
                planGuestReadiness(spec, distribution: distribution, observed: current, desired: desired)
            }
            planSnapshots(spec, observed: current)
        }
    }

    /// Creates missing volumes and grows small ones; returns the ids the domain must wait for.
    private mutating func planVolumes(for spec: VirtualMachineSpec, image: GuestImagePlan?, recreated: Set<String>,
                                      after deletions: [String]) -> [String] {
        var ids: [String] = []
        for var definition in builder.volumes(spec) {
            let resource = ResourceAddress.volume(hypervisor: name, pool: definition.pool, name: definition.name)
            let first = steps.count
            let fromImage = spec.disks.first { $0.volumeName(vm: spec.name) == definition.name }?.from != nil
            if fromImage, let image {
                definition.backingPath = image.basePath
                definition.backingFormat = image.baseFormat
            }
            guard let observed = state.volume(pool: definition.pool, name: definition.name), !recreated.contains(definition.name) else {
                if definition.capacity == 0 && definition.backingPath == nil { continue }
                let reason = if fromImage, let image, definition.backingPath == nil {
                    LocalizedMessage("plan.reason.blankInstallDisk", ["name": spec.name, "distribution": image.distribution.name])
                } else if fromImage, let image {
                    LocalizedMessage("plan.reason.overlay", ["distribution": image.distribution.name, "name": spec.name])
                } else {
                    LocalizedMessage("plan.reason.diskMissing", ["name": spec.name])
                }
                ids.append(add(resource, .createVolume(definition), after: [poolReadyStep(definition.pool)] + (image?.readySteps ?? []) + deletions,
                               reason: reason))
                var fields = [
                    FieldChange(field: "capacity", before: nil, after: definition.capacity == 0 ? "the image's size" : ByteSize(bytes: definition.capacity).description),
                    FieldChange(field: "format", before: nil, after: definition.format.rawValue),
                ]
                if let backing = definition.backingPath { fields.append(FieldChange(field: "backing", before: nil, after: backing)) }
                record(resource, .create, fields: fields, sinceStep: first)
                continue
            }
            if definition.capacity > observed.capacity {
                ids.append(add(resource, .resizeVolume(pool: definition.pool, name: definition.name, capacity: definition.capacity),
                               after: [poolReadyStep(definition.pool)], reason: LocalizedMessage("plan.reason.diskGrows")))
                record(resource, .update, fields: [
                    FieldChange(field: "capacity", before: ByteSize(bytes: observed.capacity).description,
                                after: ByteSize(bytes: definition.capacity).description),
                ], sinceStep: first, notes: [LocalizedMessage("plan.note.diskGrows")])
            } else if definition.capacity > 0, definition.capacity < observed.capacity {
                // Shrinking would cut the guest's file system short: refused, not skipped quietly.
                let disk = spec.disks.first { $0.volumeName(vm: spec.name) == definition.name }?.name ?? definition.name
                conflict(resource, LocalizedMessage("plan.domain.diskShrink", [
                             "disk": disk, "name": spec.name, "declared": ByteSize(bytes: definition.capacity).description,
                             "volume": "\(definition.pool)/\(definition.name)", "size": ByteSize(bytes: observed.capacity).description,
                         ]),
                         hint: LocalizedMessage("plan.domain.diskShrinkHint", ["size": ByteSize(bytes: observed.capacity).description, "disk": disk]))
            }
        }
        return ids
    }

    @discardableResult
    private mutating func planDomain(_ spec: VirtualMachineSpec, observed: ObservedDomain?, volumeSteps: [String],
                                     image: GuestImagePlan?, cdromPath: String?) -> DomainDefinition {
        let resource = address(.domain, spec.name)
        let first = steps.count
        let desired = builder.domain(spec, observed: observed, image: image, cdromPath: cdromPath)
        let networkSteps = spec.networks.map { stepID(.startNetwork, address(.network, $0.network)) }
        let poolSteps = spec.disks.map { poolReadyStep($0.pool) }
        guard let observed else {
            let define = add(resource, .defineDomain(desired), after: volumeSteps, reason: LocalizedMessage("plan.reason.domainMissing"))
            if spec.state == .running {
                add(resource, .startDomain(spec.name), after: [define] + volumeSteps + networkSteps + poolSteps,
                    reason: LocalizedMessage("plan.reason.domainShouldRun"))
            }
            if spec.autostart {
                add(resource, .setDomainAutostart(spec.name, true), after: [define], reason: LocalizedMessage("plan.reason.domainAutostart"))
            }
            record(resource, .create, fields: Self.domainFields(desired, spec: spec), sinceStep: first)
            return desired
        }
        // Guests reconcile created get the guest-agent channel; adopted ones keep their own devices.
        let running = observed.state.isActive && spec.state == .running
        // A stopped guest's definition may not list its disks' backing chains (an external snapshot's
        // overlay on the declared image); the pools' volumes record them.
        var chained = observed
        for index in chained.disks.indices where chained.disks[index].backingSources.isEmpty {
            chained.disks[index].backingSources = chained.disks[index].source.map { state.backingChain(of: $0) } ?? []
        }
        var (patch, planned) = Self.domainPatch(desired, chained, addGuestAgentChannel: observed.ownership != nil && !spec.metadata.adopt,
                                                running: running)
        if image?.installFinished == true {
            patch.finishInstall = true
            planned.append(FieldChange(field: "boot", before: "installer kernel \(observed.kernel ?? "")", after: "disk (the installer finished and powered off)"))
        }
        let live = running ? Self.liveChange(taking: &patch, fields: planned) : LiveChange(name: spec.name, uuid: observed.uuid)
        let detach = running ? Self.deviceDetach(taking: &patch, observed: observed) : DeviceDetach(name: spec.name, uuid: observed.uuid)
        noticeDeviceRemoval(spec, desired: desired, observed: observed)
        var fields = planned
        var notes: [LocalizedMessage] = []
        if desired.type != observed.type {
            notice(LocalizedMessage("plan.notice.domainType", ["name": spec.name, "observed": observed.type, "declared": desired.type]))
        }
        noticeFirmwareChange(spec, desired: desired, observed: observed)
        var update: String?
        // A transient domain is defined from its own definition, so it survives its next shutdown.
        if !patch.isEmpty || !observed.persistent {
            let reason = observed.persistent ? Self.ownershipReason(observed: observed.ownership, desiredHash: desired.ownership.specHash)
                : LocalizedMessage("plan.reason.makePersistent")
            update = add(resource, .updateDomain(patch), after: volumeSteps, reason: reason)
        }
        if !detach.isEmpty {
            // Before the record that forgets the devices: a guest that keeps one fails the step, and the
            // record still names it for the next run.
            update = add(resource, .detachDevices(detach), after: [update],
                         reason: LocalizedMessage("plan.reason.detachDevices", ["seconds": String(detach.timeoutSeconds)]))
        }
        var recordReason = Self.ownershipRecordReason(observed: observed, desiredHash: desired.ownership.specHash)
        if recordReason != nil, image?.installFinished == true { recordReason = LocalizedMessage("plan.ownership.installFinished") }
        if recordReason == nil, observed.ownership?.devices != desired.ownership.devices {
            recordReason = observed.ownership?.devices == nil ? LocalizedMessage("plan.ownership.recordManaged")
                : LocalizedMessage("plan.ownership.recordAttached")
        }
        if recordReason == nil, update != nil, let commit = desired.ownership.commit, observed.ownership?.commit != commit {
            // An update (drift) keeps the old record: the commit it was made from is recorded with it.
            recordReason = LocalizedMessage("plan.reason.recordCommit", ["commit": String(commit.prefix(12))])
        }
        if let reason = recordReason {
            var ownership = desired.ownership
            ownership.uuid = observed.uuid
            // Later steps wait for the metadata too, which itself waits for the definition.
            update = add(resource, .recordOwnership(ownership, domain: spec.name), after: [update], reason: reason)
        }
        var restartPending = false
        if running {
            // What an earlier apply (or someone) already wrote for the next boot: said again on every plan.
            let pending = observed.pendingAtNextBoot.filter { written in !fields.contains { $0.field == written.field } }
            if spec.restartPolicy == .ifNeeded {
                fields += pending
            } else if !pending.isEmpty {
                pendingRestarts.append(PendingRestart(address: resource, fields: pending))
            }
            restartPending = planRunningGuestChanges(spec, live: live, fields: fields, after: [update] + volumeSteps,
                                                     starting: networkSteps + poolSteps, notes: &notes)
        }
        switch (spec.state, observed.state) {
        case (.running, .shutoff):
            add(resource, .startDomain(spec.name), after: [update] + volumeSteps + networkSteps + poolSteps,
                reason: LocalizedMessage("plan.reason.domainShutOff"))
            fields.append(FieldChange(field: "state", before: observed.state.rawValue, after: "running"))
        case (.stopped, let current) where current.isActive:
            add(resource, .shutdownDomain(spec.name, timeoutSeconds: spec.stopTimeout),
                reason: LocalizedMessage("plan.reason.domainShouldStop", ["state": current.rawValue]))
            fields.append(FieldChange(field: "state", before: current.rawValue, after: "stopped"))
            notes.append(Self.stopNote(spec.stopTimeout))
        default:
            break
        }
        if spec.autostart != observed.autostart {
            add(resource, .setDomainAutostart(spec.name, spec.autostart), after: [update],
                reason: Self.autostartReason(spec.autostart))
            fields.append(FieldChange(field: "autostart", before: observed.autostart, after: spec.autostart))
        }
        record(resource, .update, fields: fields, sinceStep: first, notes: notes, restartPending: restartPending)
        return desired
    }

    /// Stops (ACPI, then forced after `stopTimeout`) and undefines a managed domain, then deletes the
    /// volumes it owns with `deleteWithVM`. `stopTimeout` nil: a guest no manifest declares, stopped
    /// within apply's `--shutdown-timeout`.
    @discardableResult
    mutating func planDomainDeletion(_ observed: ObservedDomain, reason: LocalizedMessage, stopTimeout: Int?,
                                     alsoDeleting extra: Set<String> = []) -> [String] {
        let firstStep = steps.count
        let resource = address(.domain, observed.name)
        let first = steps.count
        var stop: String?
        var notes: [LocalizedMessage] = []
        if observed.state.isActive {
            // The guest gets its chance to flush and close its file systems: data disks may be kept.
            stop = add(resource, .shutdownDomain(observed.name, timeoutSeconds: stopTimeout),
                       reason: LocalizedMessage("plan.reason.domainStopBeforeUndefine"))
            notes.append(Self.stopNote(stopTimeout))
        }
        let undefine = add(resource, .undefineDomain(observed.name), after: [stop], reason: reason)
        record(resource, .delete, fields: [
            FieldChange(field: "state", before: observed.state.rawValue, after: nil),
            FieldChange(field: "memory", before: Self.memory(observed.memoryKiB), after: nil),
        ], sinceStep: first, notes: notes)
        let owned = observed.ownership?.volumes ?? []
        for volume in owned where volume.deleteWithVM || extra.contains(volume.name) {
            guard let existing = state.volume(pool: volume.pool, name: volume.name) else { continue }
            // Another guest's disk is never deleted, managed or not; one undefined in this plan goes first.
            // The overlays the VM's external snapshots stacked on the disk go with it, top first.
            let overlays = snapshotOverlays(on: existing)
            var users: [ObservedDomain] = []
            for layer in overlays + [existing] {
                for user in otherUsers(ofVolume: layer.name, pool: layer.pool, except: observed.name) where !users.contains(where: { $0.name == user.name }) {
                    users.append(user)
                }
            }
            let usersLeaving = users.map { stepID(.undefineDomain, address(.domain, $0.name)) }
            let staying = zip(users, usersLeaving).filter { $0.1 == nil }.map(\.0.name)
            guard staying.isEmpty else {
                notice(LocalizedMessage("plan.notice.volumeStillUsed", [
                    "volume": "\(volume.pool)/\(volume.name)", "name": observed.name,
                    "users": staying.map { "'\($0)'" }.joined(separator: ", "),
                ]))
                continue
            }
            var previous: [String?] = []
            for layer in overlays + [existing] {
                let volumeResource = ResourceAddress.volume(hypervisor: name, pool: layer.pool, name: layer.name)
                let volumeFirst = steps.count
                let reason = layer == existing ? LocalizedMessage("plan.reason.deleteWithVM", ["name": observed.name])
                    : LocalizedMessage("plan.reason.deleteWithVMOverlay", ["volume": "\(volume.pool)/\(volume.name)", "name": observed.name])
                previous = [add(volumeResource, .deleteVolume(pool: layer.pool, name: layer.name), after: [undefine] + usersLeaving + previous,
                                reason: reason)]
                record(volumeResource, .delete, fields: [
                    FieldChange(field: "capacity", before: ByteSize(bytes: layer.capacity).description, after: nil),
                    FieldChange(field: "path", before: layer.path, after: nil),
                ], sinceStep: volumeFirst)
            }
        }
        let kept = owned.filter { !$0.deleteWithVM && !extra.contains($0.name) && state.volume(pool: $0.pool, name: $0.name) != nil }
        if !kept.isEmpty {
            notice(LocalizedMessage("plan.notice.volumesKept", [
                "name": observed.name, "volumes": kept.map { "\($0.pool)/\($0.name)" }.joined(separator: ", "),
            ]))
        }
        return steps[firstStep...].map(\.id)
    }

    /// What the plan says about a stop: when it may force the guest off.
    static func stopNote(_ seconds: Int?) -> LocalizedMessage {
        guard let seconds else { return LocalizedMessage("plan.note.stopDefaultTimeout") }
        return LocalizedMessage("plan.note.stopTimeout", ["seconds": String(seconds)])
    }

    /// Names a copied guest: its name, the UUID the metadata was written for and its own.
    static func copyArguments(_ observed: ObservedDomain, recorded: String) -> [String: String] {
        ["name": observed.name, "recorded": recorded, "uuid": observed.uuid ?? "unknown"]
    }

    static func autostartReason(_ wanted: Bool) -> LocalizedMessage {
        wanted ? LocalizedMessage("plan.reason.autostartOn") : LocalizedMessage("plan.reason.autostartOff")
    }

    static func memory(_ kib: UInt64) -> String { ByteSize(bytes: kib * 1024).description }

    static func describe(_ disk: DomainDefinition.Disk) -> String {
        "\(disk.target) \(disk.bus.rawValue) \(disk.format.rawValue) \(disk.path)"
    }

    static func describe(_ disk: ObservedDomain.Disk) -> String {
        "\(disk.target) \(disk.bus ?? "?") \(disk.format ?? "?") \(disk.source ?? "no source")"
    }

    static func domainFields(_ definition: DomainDefinition, spec: VirtualMachineSpec) -> [FieldChange] {
        var fields = [
            FieldChange(field: "type", before: nil, after: definition.type),
            FieldChange(field: "cpus", before: nil, after: definition.vcpus),
            FieldChange(field: "memory", before: nil, after: memory(definition.memoryKiB)),
        ]
        for (index, disk) in definition.disks.enumerated() {
            fields.append(FieldChange(field: "disks[\(index)]", before: nil, after: describe(disk)))
        }
        for (index, interface) in definition.interfaces.enumerated() {
            fields.append(FieldChange(field: "networks[\(index)]", before: nil, after: describe(interface)))
        }
        if definition.vnc { fields.append(FieldChange(field: "console.vnc", before: nil, after: true)) }
        if let cdrom = definition.cdrom { fields.append(FieldChange(field: "cdrom", before: nil, after: describe(cdrom))) }
        if let boot = definition.bootDevices { fields.append(FieldChange(field: "boot", before: nil, after: boot.joined(separator: ", "))) }
        if let kernel = definition.kernelPath, definition.installing == true {
            fields.append(FieldChange(field: "boot", before: nil, after: "installer kernel \(kernel) \(definition.cmdline ?? "")"))
        }
        if let firmware = definition.firmware { fields.append(FieldChange(field: "firmware", before: nil, after: firmware.rawValue)) }
        if definition.secureBoot == true { fields.append(FieldChange(field: "secureBoot", before: nil, after: true)) }
        if definition.tpm == true { fields.append(FieldChange(field: "tpm", before: nil, after: "2.0 (swtpm)")) }
        fields.append(FieldChange(field: "state", before: nil, after: spec.state.rawValue))
        fields.append(FieldChange(field: "autostart", before: nil, after: spec.autostart))
        return fields
    }

    static func describe(_ interface: DomainDefinition.Interface) -> String {
        interface.mac.map { "\(interface.network) (\($0))" } ?? interface.network
    }

    /// Why reconcile's metadata must be written, or nil when it already says what the plan would write.
    static func ownershipRecordReason(observed: ObservedDomain, desiredHash: String) -> LocalizedMessage? {
        guard let recorded = observed.ownership else { return LocalizedMessage("plan.reason.adopting") }
        if recorded.specHash != desiredHash { return LocalizedMessage("plan.reason.manifestChanged") }
        if recorded.uuid == nil { return LocalizedMessage("plan.reason.recordUUID") }
        return nil
    }

    /// The edits that make the domain match the manifest, and the same edits as the plan shows them.
    /// Only the fields reconcile writes are compared, and devices are matched by target (disks) and
    /// MAC (NICs); devices the manifest does not declare are left alone. Controllers, PCI addresses,
    /// default models and generated MACs libvirt adds are no difference, so re-running shows no phantom change.
    /// A running guest's fields are marked with when they take effect (`running`).
    static func domainPatch(_ desired: DomainDefinition, _ observed: ObservedDomain,
                            addGuestAgentChannel: Bool = false, running: Bool = false) -> (DomainPatch, [FieldChange]) {
        var patch = DomainPatch(name: desired.name, uuid: observed.uuid)
        var fields: [FieldChange] = []
        let timed = { (field: FieldChange, timing: ChangeTiming) in fields.append(field.timed(running ? timing : nil)) }
        // The maxima are shown apart only when they differ from the boot values; otherwise the one
        // field (cpus, memory) says it all, and plans of guests declared without them read as before.
        let desiredMaxVcpus = desired.maxVcpus ?? desired.vcpus
        let showsMaxVcpus = desired.maxVcpus != nil || observed.currentVcpus != nil
        if desiredMaxVcpus != observed.vcpus {
            patch.vcpus = desiredMaxVcpus
            if showsMaxVcpus { timed(FieldChange(field: "maxCpus", before: observed.vcpus, after: desiredMaxVcpus), .nextBoot) }
        }
        if desired.vcpus != observed.effectiveVcpus {
            patch.currentVcpus = desired.vcpus
            // vCPUs are hotplugged up to the running maximum; taking them away needs the guest's help, so waits.
            let live = desired.vcpus > observed.effectiveVcpus && desired.vcpus <= observed.vcpus
            timed(FieldChange(field: "cpus", before: observed.effectiveVcpus, after: desired.vcpus), live ? .live : .nextBoot)
        }
        let desiredMaxMemory = desired.maxMemoryKiB ?? desired.memoryKiB
        let showsMaxMemory = desired.maxMemoryKiB != nil || observed.currentMemoryKiB != nil
        if desiredMaxMemory != observed.memoryKiB {
            patch.memoryKiB = desiredMaxMemory
            if showsMaxMemory {
                timed(FieldChange(field: "maxMemory", before: memory(observed.memoryKiB), after: memory(desiredMaxMemory)), .nextBoot)
            }
        }
        if desired.memoryKiB != observed.effectiveMemoryKiB {
            patch.currentMemoryKiB = desired.memoryKiB
            // The balloon moves either way, within the maximum the guest booted with.
            let live = desired.memoryKiB <= observed.memoryKiB
            timed(FieldChange(field: "memory", before: memory(observed.effectiveMemoryKiB), after: memory(desired.memoryKiB)),
                  live ? .live : .nextBoot)
        }
        for (index, want) in desired.disks.enumerated() {
            guard let have = observed.disks.first(where: { $0.target == want.target }) else {
                patch.addedDisks.append(want)
                timed(FieldChange(field: "disks[\(index)]", before: nil, after: describe(want)), .live)
                continue
            }
            if have.device == "disk", have.source == want.path, (have.bus ?? "") == want.bus.rawValue,
               (have.format ?? want.format.rawValue) == want.format.rawValue {
                continue
            }
            // An external snapshot's overlay sits on the declared image: the disk is still the declared one.
            if have.device == "disk", have.backingSources.contains(want.path), (have.bus ?? "") == want.bus.rawValue {
                continue
            }
            patch.changedDisks.append(want)
            timed(FieldChange(field: "disks[\(index)]", before: describe(have), after: describe(want)), .nextBoot)
        }
        let matches = observed.interfaceMatches(for: desired.interfaces)
        for (index, want) in desired.interfaces.enumerated() {
            guard let match = matches[index] else {
                patch.addedInterfaces.append(want)
                timed(FieldChange(field: "networks[\(index)]", before: nil, after: describe(want)), .live)
                continue
            }
            let have = observed.interfaces[match]
            if have.type == "network" && have.source == want.network { continue }
            var changed = want
            changed.mac = want.mac ?? have.mac
            patch.changedInterfaces.append(changed)
            timed(FieldChange(field: "networks[\(index)]", before: describe(have), after: describe(changed)), .nextBoot)
        }
        // Devices reconcile attached and the manifest dropped: hot-unplugged from a running guest.
        let removal = DeviceRemoval(desired: desired, observed: observed)
        for disk in removal.disks {
            patch.removedDisks.append(disk.target)
            timed(FieldChange(field: "disks[\(disk.target)]", before: describe(disk), after: nil), .live)
        }
        for interface in removal.interfaces {
            guard let mac = interface.mac else { continue }
            patch.removedInterfaces.append(mac)
            timed(FieldChange(field: "networks[\(mac)]", before: describe(interface), after: nil), .live)
        }
        if desired.vnc != observed.vnc {
            patch.vnc = desired.vnc
            timed(FieldChange(field: "console.vnc", before: observed.vnc, after: desired.vnc), .nextBoot)
        }
        cdromPatch(desired, observed, into: &patch, timed: timed)
        if addGuestAgentChannel && !observed.guestAgentChannel {
            patch.addGuestAgentChannel = true
            timed(FieldChange(field: "guestAgent", before: "no channel", after: "virtio channel org.qemu.guest_agent.0"), .nextBoot)
        }
        return (patch, fields)
    }
}
