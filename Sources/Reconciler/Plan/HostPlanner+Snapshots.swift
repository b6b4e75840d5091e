import Localization
import Spec

extension HostPlanner {
    /// Creates declared snapshots the domain lacks; snapshots reconcile made (recorded in its metadata)
    /// that are no longer declared are reported, and deleted with `--prune`. A snapshot reconcile did
    /// not make is never touched, and one of the same name as a declared snapshot is a conflict.
    mutating func planSnapshots(_ spec: VirtualMachineSpec, observed: ObservedDomain?) {
        let domain = address(.domain, spec.name)
        // After everything planned for the domain: defined, started, provisioned, its metadata written.
        let domainSteps = steps.filter { $0.resource == domain }.map(\.id)
        let existing = Set((observed?.snapshots ?? []).map(\.name))
        let recorded = Set(observed?.ownership?.snapshots ?? [])
        let uefi = observed.map(\.bootsUEFI) ?? (spec.firmware == .uefi)
        // One at a time per domain: each step rewrites the domain's record of snapshots, and libvirt
        // runs one snapshot job per domain anyway. Declared order is also the snapshots' parent order.
        var previous: String?
        for snapshot in spec.snapshots {
            let resource = ResourceAddress.snapshot(hypervisor: name, domain: spec.name, name: snapshot.name)
            if existing.contains(snapshot.name) {
                if !recorded.contains(snapshot.name) {
                    conflict(resource, LocalizedMessage("plan.snapshot.exists", ["name": spec.name, "snapshot": snapshot.name]),
                             hint: LocalizedMessage("plan.snapshot.existsHint"))
                }
                continue
            }
            // QEMU's internal snapshot of a running guest always saves its memory; a stopped guest has none.
            let definition = SnapshotDefinition(domain: spec.name, name: snapshot.name, description: snapshot.description,
                                                memory: spec.state == .running && !uefi,
                                                kind: uefi ? .externalDiskOnly : .internal)
            let first = steps.count
            previous = add(resource, .createSnapshot(definition), after: domainSteps + [previous], reason: LocalizedMessage("plan.reason.snapshotMissing"))
            var fields = [FieldChange(field: "kind", before: nil, after: definition.kind.rawValue),
                          FieldChange(field: "memory", before: nil, after: "\(definition.memory)")]
            if let description = snapshot.description { fields.append(FieldChange(field: "description", before: nil, after: description)) }
            var notes: [LocalizedMessage] = []
            if definition.kind == .externalDiskOnly {
                notes.append(LocalizedMessage("plan.note.snapshotExternal"))
            }
            if snapshot.memory && !definition.memory && !uefi {
                notes.append(LocalizedMessage("plan.note.snapshotNoMemory"))
            } else if !snapshot.memory && definition.memory {
                notes.append(LocalizedMessage("plan.note.snapshotMemory"))
            }
            record(resource, .create, fields: fields, sinceStep: first, notes: notes)
        }
        guard let observed else { return }
        let declared = Set(spec.snapshots.map(\.name))
        for snapshot in observed.snapshots where recorded.contains(snapshot.name) && !declared.contains(snapshot.name) {
            previous = planSnapshotDeletion(snapshot.name, of: observed.name, after: previous,
                                            reason: LocalizedMessage("plan.reason.snapshotPruned")) ?? previous
        }
    }

    /// Returns the step's id, or nil when only a notice was given (no --prune).
    mutating func planSnapshotDeletion(_ snapshot: String, of domain: String, after previous: String?, reason: LocalizedMessage) -> String? {
        guard options.prune else {
            notice(LocalizedMessage("plan.notice.undeclaredSnapshot", ["snapshot": snapshot, "name": domain]))
            return nil
        }
        let resource = ResourceAddress.snapshot(hypervisor: name, domain: domain, name: snapshot)
        let first = steps.count
        let id = add(resource, .deleteSnapshot(domain: domain, name: snapshot), after: [previous], reason: reason)
        record(resource, .delete, fields: [FieldChange(field: "name", before: snapshot, after: nil)], sinceStep: first)
        return id
    }
}
