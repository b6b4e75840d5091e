import Reconciler
import Testing
import Unattended

@Suite("Per-host standing after a pass")
struct PassSummaryTests {
    static func step(_ host: String, _ name: String) -> Step {
        Step(resource: ResourceAddress(hypervisor: host, kind: .domain, name: name), action: .startDomain(name), reason: "test")
    }

    @Test("a failed step, a remaining step or a conflict makes only its own host unconverged")
    func hosts() {
        let planned = Plan(steps: [Self.step("a", "web"), Self.step("b", "db"), Self.step("c", "app")],
                           resources: [ResourceChange(address: ResourceAddress(hypervisor: "a", kind: .domain, name: "web"), change: .update)])
        var report = ExecutionReport()
        report.outcomes = [(Self.step("a", "web").id, .succeeded), (Self.step("b", "db").id, .failed("locked")),
                           (Self.step("c", "app").id, .succeeded)]
        let remaining = Plan(conflicts: [Conflict(address: ResourceAddress(hypervisor: "c", kind: .domain, name: "test"),
                                                  message: "not reconcile's", hint: "adopt it")])
        let hosts = PassSummary.Host.after(hosts: ["a", "b", "c"], planned: planned, report: report, remaining: remaining)
        #expect(hosts == [
            PassSummary.Host(name: "a", converged: true, drift: 1, conflicts: 0),
            PassSummary.Host(name: "b", converged: false, drift: 0, conflicts: 0),
            PassSummary.Host(name: "c", converged: false, drift: 0, conflicts: 1),
        ])
    }
}
