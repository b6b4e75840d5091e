import Localization
import Spec

extension HostPlanner {
    /// Managed objects that no manifest declares: deleted with `--prune`, otherwise only reported.
    /// Objects reconcile did not create are never touched.
    mutating func planPrune() {
        let declaredDomains = Set(virtualMachines.map(\.name))
        // Sorted: libvirt lists objects in no fixed order, and a plan should read the same every time.
        // Filtered before sorting: the undeclared are few, and sorting every observed domain moves each whole.
        let orphanDomains = state.domains.filter { $0.ownership != nil && !declaredDomains.contains($0.name) }
            .sorted { $0.name < $1.name }
        let undeclaredCopies = state.domains.filter { $0.ownershipRecordedFor != nil && !declaredDomains.contains($0.name) }
            .sorted { $0.name < $1.name }
        for copy in undeclaredCopies {
            // Not declared, so nothing declared is left alone: a notice, not a conflict.
            notice(LocalizedMessage("plan.notice.copyNeverPruned", Self.copyArguments(copy, recorded: copy.ownershipRecordedFor ?? "")))
        }
        for domain in orphanDomains {
            if options.prune {
                planDomainDeletion(domain, reason: LocalizedMessage("plan.reason.pruned"), stopTimeout: nil)
            } else {
                notice(LocalizedMessage("plan.notice.undeclaredDomain", ["name": domain.name, "hypervisor": name]))
            }
        }
        let declaredNetworks = Set(networks.map(\.name) + implicitNetworkNames)
        for network in state.networks.sorted(by: { $0.name < $1.name })
        where network.ownership != nil && !declaredNetworks.contains(network.name) {
            guard options.prune else {
                notice(LocalizedMessage("plan.notice.undeclaredNetwork", ["name": network.name, "hypervisor": name]))
                continue
            }
            let resource = address(.network, network.name)
            let first = steps.count
            // Guests being deleted in this plan must be gone before their network is.
            let users = state.domains.filter { $0.interfaces.contains { $0.type == "network" && $0.source == network.name } }
            let waits = users.map { stepID(.undefineDomain, address(.domain, $0.name)) }
            var stop: String?
            if network.active {
                stop = add(resource, .stopNetwork(network.name), after: waits, reason: LocalizedMessage("plan.reason.networkStopBeforeUndefine"))
            }
            add(resource, .undefineNetwork(network.name), after: [stop] + waits,
                reason: LocalizedMessage("plan.reason.pruned"))
            let remaining = users.filter { stepID(.undefineDomain, address(.domain, $0.name)) == nil }.map(\.name)
            let notes = remaining.isEmpty ? [] : [LocalizedMessage("plan.note.networkStillUsed", ["users": remaining.joined(separator: ", ")])]
            record(resource, .delete, fields: [
                FieldChange(field: "mode", before: network.mode?.rawValue ?? network.forwardModeText ?? "unknown", after: nil),
            ], sinceStep: first, notes: notes)
        }
    }
}
