import Reconciler

/// What the plan for a host says about one domain: the facts a drift classification needs.
struct PlanVerdict: Sendable {
    var change: ChangeType?
    /// Steps on the domain without a field change (start it, set autostart, record ownership).
    var hasSteps: Bool
    var conflict: Conflict?
    /// A restart is pending: this plan writes next-boot changes, or the definition already holds some.
    var restartPending: Bool

    init(_ plan: Plan, domain address: ResourceAddress) {
        change = plan.resources.first { $0.address == address }?.change
        restartPending = plan.restartPending.contains(address)
        hasSteps = plan.steps.contains { $0.resource == address }
        conflict = plan.conflicts.first { $0.address == address }
    }

    /// For a declared guest; an undeclared one is "not declared" whatever the plan says.
    var drift: Drift {
        if conflict != nil { return .conflict }
        switch change {
        case .create?: return .missing
        case .update?, .replace?, .delete?: return .drifted
        case nil: return hasSteps ? .drifted : .inSync
        }
    }

    var reason: String? {
        if let conflict { return conflict.message.description }
        return nil
    }
}
