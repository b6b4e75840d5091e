import Testing
@testable import Reconciler
@testable import Spec

@Suite("Executor")
struct ExecutorTests {
    @Test("a failed step skips its dependents and lets independent steps finish")
    func failure() async throws {
        let set = try ManifestFixture(PlannerTests.manifests).load()
        let fake = FakeHypervisor(failing: [.createVolume])
        let plan = Planner().plan(manifests: set, observed: ["h": fake.current])
        let report = await Executor().run(plan, on: ["h": HostConnection(hypervisor: fake)])
        #expect(report.outcome(of: "create-volume:h/volume/images/web-root.qcow2") == .failed("injected failure of create-volume images/web-root.qcow2"))
        #expect(report.outcome(of: "define-domain:h/domain/web") == .skipped("create-volume:h/volume/images/web-root.qcow2"))
        #expect(report.outcome(of: "start-domain:h/domain/web") != .succeeded)
        #expect(report.outcome(of: "set-domain-autostart:h/domain/web") != .succeeded)
        #expect(report.outcome(of: "set-network-autostart:h/network/lab") == .succeeded)
        #expect(report.outcome(of: "set-pool-autostart:h/pool/images") == .succeeded)
        #expect(report.outcomes.count == plan.steps.count)
        #expect(!fake.recordedCalls.contains { $0.hasPrefix("define-domain") })
    }

    @Test("independent steps run concurrently, never more than --parallel")
    func parallelism() async throws {
        var documents = [Manifests.document("Hypervisor", "h", "uri: test:///default")]
        for index in 0..<8 { documents.append(Manifests.document("Network", "n\(index)", "mode: isolated\nautostart: false\nactive: false")) }
        let set = try ManifestFixture(documents.joined(separator: "\n---\n")).load()
        for limit in [1, 3] {
            let fake = FakeHypervisor(delay: .milliseconds(20))
            let plan = Planner().plan(manifests: set, observed: ["h": fake.current])
            let report = await Executor(parallelism: limit).run(plan, on: ["h": HostConnection(hypervisor: fake)])
            #expect(report.allSucceeded)
            #expect(fake.peakConcurrency == limit)
        }
    }
}
