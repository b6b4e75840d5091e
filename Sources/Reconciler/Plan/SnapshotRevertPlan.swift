import Localization

/// The one-step plan `reconcile snapshot revert` shows before it reverts, or why it refuses.
public enum SnapshotRevertPlan {
    public static func make(hypervisor: String, uri: String, domainName: String, observed: ObservedDomain?,
                            snapshot: String, force: Bool) throws(ReconcileError) -> Plan {
        guard let observed else {
            throw ReconcileError(.stepFailed, LocalizedMessage("engine.revert.noDomain", ["name": domainName, "hypervisor": hypervisor, "uri": uri]))
        }
        guard let target = observed.snapshots.first(where: { $0.name == snapshot }) else {
            let known = observed.snapshots.map(\.name)
            let arguments = ["name": domainName, "snapshot": snapshot, "known": known.joined(separator: ", ")]
            throw ReconcileError(.stepFailed, known.isEmpty ? LocalizedMessage("engine.revert.noSnapshots", arguments)
                                     : LocalizedMessage("engine.revert.noSuchSnapshot", arguments))
        }
        if observed.ownership == nil, !force {
            throw ReconcileError(.stepFailed, LocalizedMessage("engine.revert.notManaged", ["name": domainName]))
        }
        if observed.state.isActive, !force {
            throw ReconcileError(.stepFailed, LocalizedMessage("engine.revert.running", ["name": domainName, "state": observed.state.rawValue]))
        }
        let resource = ResourceAddress.snapshot(hypervisor: hypervisor, domain: domainName, name: snapshot)
        let step = Step(resource: resource, action: .revertSnapshot(domain: domainName, name: snapshot, force: force),
                        reason: LocalizedMessage("plan.reason.revertRequested"))
        let current = observed.snapshots.first(where: \.isCurrent)?.name
        var fields = [FieldChange(field: "disks", before: "as they are now", after: "as at snapshot '\(snapshot)'")]
        if current != snapshot { fields.append(FieldChange(field: "current snapshot", before: current ?? "none", after: snapshot)) }
        if let state = target.state, state != observed.state.rawValue {
            fields.append(FieldChange(field: "state", before: observed.state.rawValue, after: state == "disk-snapshot" ? "shutoff" : state))
        }
        var notes = [LocalizedMessage("plan.note.revertLosesData")]
        if target.external {
            notes.append(LocalizedMessage("plan.revert.externalNote"))
            if observed.state.isActive { notes.append(LocalizedMessage("plan.revert.diskOnlyForcedOff")) }
        }
        if observed.state.isActive { notes.append(LocalizedMessage("plan.note.revertActive", ["state": observed.state.rawValue])) }
        if observed.ownership == nil { notes.append(LocalizedMessage("plan.note.revertUnmanaged", ["name": domainName])) }
        return Plan(targets: [Plan.Target(name: hypervisor, uri: uri)], steps: [step],
                    resources: [ResourceChange(address: resource, change: .update, fields: fields, stepIDs: [step.id], notes: notes)])
    }
}
