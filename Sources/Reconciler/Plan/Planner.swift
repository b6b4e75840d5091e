import Spec

/// Pure planning: manifests + observed hosts → plan. No I/O, so it is tested with plain values.
public struct Planner: Sendable {
    public var options: PlanOptions

    public init(options: PlanOptions = PlanOptions()) {
        self.options = options
    }

    public func plan(manifests: ManifestSet, observed: [String: HostState],
                     facts: ProvisioningFacts = ProvisioningFacts()) -> Plan {
        var plan = Plan(observedFingerprint: ObservedFingerprint.of(observed))
        for hypervisor in manifests.hypervisors {
            plan.targets.append(Plan.Target(name: hypervisor.name, uri: hypervisor.uri))
            guard let state = observed[hypervisor.name] else { continue }
            var host = HostPlanner(hypervisor: hypervisor, manifests: manifests, state: state, options: options, facts: facts)
            host.plan()
            plan.steps += host.steps
            plan.resources += host.resources
            plan.conflicts += host.conflicts
            plan.notices += host.notices
        }
        return plan
    }
}
