import Spec

/// Pure planning: manifests + observed hosts → plan. No I/O, so it is tested with plain values.
public struct Planner: Sendable {
    public var options: PlanOptions

    public init(options: PlanOptions = PlanOptions()) {
        self.options = options
    }

    public func plan(manifests: ManifestSet, observed: [String: HostState],
                     facts: ProvisioningFacts = ProvisioningFacts()) -> Plan {
        plan(manifests: manifests, observed: observed, hosts: [:], facts: facts)
    }

    /// `hosts` holds the `state: ready` hypervisors' host observations: their host steps come first,
    /// and libvirt-level steps wait for the daemon those steps start.
    public func plan(manifests: ManifestSet, observed: [String: HostState], hosts: [String: HostObservation],
                     facts: ProvisioningFacts = ProvisioningFacts(), interrupted: [InterruptedApply] = []) -> Plan {
        var plan = Plan(observedFingerprint: options.fingerprint ? ObservedFingerprint.of(observed, hosts: hosts) : "")
        for hypervisor in manifests.hypervisors {
            plan.targets.append(Plan.Target(name: hypervisor.name, uri: hypervisor.uri))
            let libvirtReady = planHost(hypervisor, manifests: manifests, observation: hosts[hypervisor.name], into: &plan)
            guard let state = observed[hypervisor.name] else { continue }
            var host = HostPlanner(hypervisor: hypervisor, manifests: manifests, state: state, options: options, facts: facts,
                                   interrupted: interrupted)
            host.planDefaults()
            host.plan()
            plan.steps += host.steps.map { Self.waiting($0, for: libvirtReady) }
            plan.resources += host.resources
            plan.conflicts += host.conflicts
            plan.notices += host.notices
            plan.pendingRestarts += host.pendingRestarts
            plan.blockers += host.blockers
        }
        return plan
    }
}
