import Testing
@testable import Reconciler
@testable import Spec

@Suite("The observed fingerprint is computed only when asked for")
struct ObservedFingerprintOptionTests {
    @Test("by default a plan carries the fingerprint of what was observed; without it, none")
    func optional() throws {
        let set = try ManifestFixture(PlannerTests.manifests).load()
        let observed = ["h": FakeHypervisor().current]
        let with = Planner().plan(manifests: set, observed: observed)
        let without = Planner(options: PlanOptions(fingerprint: false)).plan(manifests: set, observed: observed)
        #expect(with.observedFingerprint == ObservedFingerprint.of(observed))
        #expect(!with.observedFingerprint.isEmpty)
        #expect(without.observedFingerprint.isEmpty)
        // Everything else is the same plan.
        #expect(without.steps.map(\.id) == with.steps.map(\.id))
        #expect(without.summary == with.summary)
    }
}
