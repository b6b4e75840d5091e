import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// `apply --git` records the manifests' commit on what it writes, without making a new commit a change.
@Suite("The manifests' commit in reconcile's metadata")
struct CommitRecordTests {
    @Test("the commit round-trips through the metadata XML, and a record written before it existed still reads")
    func ownershipXML() throws {
        let ownership = Ownership(name: "web", specHash: "abc", uuid: "u-1", commit: "0123456789abcdef0123456789abcdef01234567")
        let written = "<domain>\(OwnershipXML.element(ownership).render())</domain>"
        #expect(written.contains("commit='0123456789abcdef0123456789abcdef01234567'"))
        let parsed = OwnershipXML.parse(try ParsedXML(written, what: "domain").root.child("metadata"))
        #expect(parsed == ownership)

        let old = """
            <domain><metadata><reconcile:resource xmlns:reconcile="\(OwnershipXML.namespace)" name="web" specHash="abc" uuid="u-1"/></metadata></domain>
            """
        let read = try #require(OwnershipXML.parse(try ParsedXML(old, what: "domain").root.child("metadata")))
        #expect(read.commit == nil && read.name == "web" && read.specHash == "abc")
    }

    @Test("created objects carry the commit; a new commit alone plans nothing; an update records the new commit")
    func plannedCommit() async throws {
        let set = try ManifestFixture(PlannerTests.manifests).load()
        let fake = FakeHypervisor()
        let engine = Engine(connector: FixedConnector(hypervisor: fake))
        let connected = try await engine.connect(set)
        let first = PlanOptions(commit: "c1")
        let plan = try await engine.plan(set, connected: connected, options: first)
        guard case .defineDomain(let domain) = plan.step(id: "define-domain:h/domain/web")?.action,
              case .defineNetwork(let network) = plan.step(id: "define-network:h/network/lab")?.action else {
            Issue.record("expected define-domain and define-network steps")
            return
        }
        #expect(domain.ownership.commit == "c1" && network.ownership.commit == "c1")
        let result = try await engine.apply(plan, manifests: set, connected: connected, options: first,
                                            executor: Executor(), events: { _ in })
        #expect(result.converged)
        #expect(fake.current.domains.first?.ownership?.commit == "c1")

        let next = PlanOptions(commit: "c2")
        #expect(Planner(options: next).plan(manifests: set, observed: ["h": fake.current]).steps.isEmpty)

        fake.drift { $0.domains[0].memoryKiB = 1 << 20 }
        let drifted = Planner(options: next).plan(manifests: set, observed: ["h": fake.current])
        let record = try #require(drifted.step(id: "record-ownership:h/domain/web"))
        #expect(record.dependsOn == ["update-domain:h/domain/web"])
        guard case .recordOwnership(let recorded, _) = record.action else {
            Issue.record("expected a record-ownership action")
            return
        }
        #expect(recorded.commit == "c2")
        #expect(Planner().plan(manifests: set, observed: ["h": fake.current]).step(id: "record-ownership:h/domain/web") == nil,
                "without --git an update leaves the record alone")
    }
}
