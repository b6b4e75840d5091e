import Spec

extension Planner {
    /// Adds a ready host's own steps, notices and blockers; returns the step libvirt-level steps wait for.
    func planHost(_ hypervisor: HypervisorSpec, manifests: ManifestSet, observation: HostObservation?,
                  into plan: inout Plan) -> String? {
        guard let observation else { return nil }
        var host = HostBootstrapPlanner(hypervisor: hypervisor, manifests: manifests, observation: observation)
        host.plan()
        plan.steps += host.steps
        plan.resources += host.resources
        plan.notices += host.notices
        plan.blockers += host.blockers
        return host.libvirtReadyStep
    }

    /// Dependencies are transitive, so anchoring the steps that wait for nothing is enough.
    static func waiting(_ step: Step, for anchor: String?) -> Step {
        guard let anchor, step.dependsOn.isEmpty else { return step }
        var anchored = step
        anchored.dependsOn = [anchor]
        return anchored
    }
}
