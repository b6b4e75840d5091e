import Localization

/// The one-step plan `reconcile snapshot revert` shows before it reverts, or why it refuses.
public enum SnapshotRevertPlan {
    public static func make(hypervisor: String, uri: String, domainName: String, observed: ObservedDomain?,
                            snapshot: String, force: Bool) throws(ReconcileError) -> Plan {
        guard let observed else {
            throw ReconcileError(.stepFailed, "virtual machine '\(domainName)' does not exist on \(hypervisor) (\(uri))")
        }
        guard let target = observed.snapshots.first(where: { $0.name == snapshot }) else {
            let known = observed.snapshots.map(\.name)
            throw ReconcileError(.stepFailed, "virtual machine '\(domainName)' has no snapshot '\(snapshot)'"
                                 + (known.isEmpty ? " (it has none)" : " (it has: \(known.joined(separator: ", ")))"))
        }
        if observed.ownership == nil, !force {
            throw ReconcileError(.stepFailed, "virtual machine '\(domainName)' is not managed by reconcile; revert it anyway with --force")
        }
        if observed.state.isActive, !force {
            throw ReconcileError(.stepFailed, "virtual machine '\(domainName)' is \(observed.state.rawValue); reverting it loses its current state (stop it first, or use --force)")
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
        if target.external { notes.append(LocalizedMessage("plan.note.revertExternal")) }
        if observed.state.isActive { notes.append(LocalizedMessage("plan.note.revertActive", ["state": observed.state.rawValue])) }
        if observed.ownership == nil { notes.append(LocalizedMessage("plan.note.revertUnmanaged", ["name": domainName])) }
        return Plan(targets: [Plan.Target(name: hypervisor, uri: uri)], steps: [step],
                    resources: [ResourceChange(address: resource, change: .update, fields: fields, stepIDs: [step.id], notes: notes)])
    }
}
