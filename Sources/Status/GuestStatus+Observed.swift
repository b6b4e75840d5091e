import Reconciler
import Spec

extension GuestStatus {
    /// A domain on the host, with its manifest when one declares it.
    init(observed domain: ObservedDomain, declared spec: VirtualMachineSpec?, plan: PlanVerdict) {
        let agent: AgentState = domain.ownership?.agent != nil ? .active : (spec?.agent != nil ? .pending : .none)
        self.init(name: domain.name, type: domain.type, distribution: spec?.bootDistribution,
                  state: domain.state.rawValue, agent: agent, drift: spec == nil ? .notDeclared : plan.drift,
                  managed: domain.ownership != nil, autostart: domain.autostart,
                  // libvirt's API reports no start time for a domain, so there is no uptime to show.
                  uptimeSeconds: nil, reason: spec == nil ? nil : plan.reason)
        if spec != nil, plan.restartPending { restartPending = true }
    }

    /// A guest the manifests declare that the host does not have yet.
    init(missing spec: VirtualMachineSpec, plan: PlanVerdict) {
        self.init(name: spec.name, type: nil, distribution: spec.bootDistribution, state: "absent",
                  agent: spec.agent != nil ? .pending : .none, drift: plan.conflict != nil ? .conflict : .missing,
                  managed: false, autostart: nil, reason: plan.reason)
    }
}
