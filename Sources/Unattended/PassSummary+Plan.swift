import Reconciler

extension PassSummary.Host {
    /// Each host's standing after a pass: what the first plan found different (drift), what is left
    /// alone afterwards, and whether every step on it succeeded with nothing remaining.
    public static func after(hosts: [String], planned: Plan, report: ExecutionReport?, remaining: Plan) -> [PassSummary.Host] {
        let unsuccessful = Set((report?.outcomes ?? []).filter { $0.outcome != .succeeded }.map(\.id))
        return hosts.map { host in
            let leftAlone = remaining.conflicts.filter { $0.address.hypervisor == host }.count
                + remaining.blockers.filter { $0.hypervisor == host }.count
            let failedHere = planned.steps.contains { $0.resource.hypervisor == host && unsuccessful.contains($0.id) }
            let pending = remaining.steps.contains { $0.resource.hypervisor == host }
            return PassSummary.Host(name: host, converged: leftAlone == 0 && !failedHere && !pending,
                                    drift: planned.resources.filter { $0.address.hypervisor == host }.count,
                                    conflicts: leftAlone)
        }
    }
}
