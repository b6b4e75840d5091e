import Spec

extension ObservedDomain {
    /// The fields reconcile changes at the next boot whose persistent value the running guest does not
    /// have yet (running value → definition), such as a `maxMemory` written under `restartPolicy: never`.
    /// Memory and vCPUs within the maxima are not among them: they change live, and the balloon a guest
    /// reports moves on its own. Devices only one side has are not either: a device attached live
    /// alone (virsh attach-device --live) is someone else's business.
    public var pendingAtNextBoot: [FieldChange] {
        guard state.isActive, let running else { return [] }
        var fields: [FieldChange] = []
        if running.vcpus != vcpus { fields.append(FieldChange(field: "maxCpus", before: running.vcpus, after: vcpus)) }
        // Fewer vCPUs online only at the next boot: taking them away needs the guest's help.
        if running.effectiveVcpus > effectiveVcpus {
            fields.append(FieldChange(field: "cpus", before: running.effectiveVcpus, after: effectiveVcpus))
        }
        if running.memoryKiB != memoryKiB {
            fields.append(FieldChange(field: "maxMemory", before: ByteSize(bytes: running.memoryKiB * 1024).description,
                                      after: ByteSize(bytes: memoryKiB * 1024).description))
        }
        for disk in disks where disk.device == "disk" {
            guard let live = running.disks.first(where: { $0.target == disk.target && $0.device == disk.device }) else { continue }
            if (live.source != disk.source && !live.backingSources.contains(disk.source ?? "")) || live.bus != disk.bus || live.format != disk.format {
                fields.append(FieldChange(field: "disks[\(disk.target)]", before: live.source ?? "no source", after: disk.source ?? "no source"))
            }
        }
        for interface in interfaces {
            guard let mac = interface.mac, let live = running.interfaces.first(where: { $0.mac == mac }) else { continue }
            if live.type != interface.type || live.source != interface.source {
                fields.append(FieldChange(field: "networks[\(mac)]", before: live.source ?? live.type, after: interface.source ?? interface.type))
            }
        }
        if running.vnc != vnc { fields.append(FieldChange(field: "console.vnc", before: running.vnc, after: vnc)) }
        if running.guestAgentChannel != guestAgentChannel {
            fields.append(FieldChange(field: "guestAgent", before: running.guestAgentChannel ? "virtio channel" : "no channel",
                                      after: guestAgentChannel ? "virtio channel org.qemu.guest_agent.0" : "no channel"))
        }
        return fields.map { $0.timed(.nextBoot) }
    }
}
