import Testing
@testable import Reconciler
@testable import Spec

@Suite("Planner lookups through the per-plan index")
struct IndexedHostStateTests {
    static func domain(_ name: String, disks: [String?]) -> ObservedDomain {
        ObservedDomain(name: name, type: "qemu", vcpus: 1, memoryKiB: 1024,
                       disks: disks.enumerated().map { index, source in
                           ObservedDomain.Disk(source: source, target: "vd\(index)", bus: "virtio", format: "qcow2")
                       },
                       state: .shutoff, autostart: false)
    }

    @Test("lookups find what HostState's linear lookups find, the first of equal names included")
    func sameAnswers() {
        var state = HostState(capabilities: HostCapabilities(domainTypes: ["qemu"], arch: "x86_64"))
        state.volumes = [
            ObservedVolume(pool: "a", name: "v", path: "/a/v", capacity: 1, format: "qcow2"),
            ObservedVolume(pool: "b", name: "v", path: "/b/v", capacity: 2, format: "qcow2"),
            ObservedVolume(pool: "a", name: "v", path: "/a/v-again", capacity: 3, format: "qcow2"),
        ]
        state.domains = [
            Self.domain("one", disks: ["/a/v", "/a/v"]),
            Self.domain("two", disks: [nil, "/a/v"]),
            Self.domain("one", disks: []),
        ]
        let index = IndexedHostState(state)
        #expect(index.volume(pool: "a", name: "v") == state.volume(pool: "a", name: "v"))
        #expect(index.volume(pool: "b", name: "v")?.capacity == 2)
        #expect(index.volume(pool: "c", name: "v") == nil)
        #expect(index.domain(named: "one") == state.domain(named: "one"))
        #expect(index.domain(named: "one")?.disks.count == 2)
        #expect(index.network(named: "one") == nil && index.pool(named: "a") == nil)
        #expect(index.diskUsers(ofVolume: "v", pool: "a", path: "/a/v", except: "web").map(\.name) == ["one", "two"])
        #expect(index.diskUsers(ofVolume: "v", pool: "a", path: "/a/v", except: "one").map(\.name) == ["two"])
        #expect(index.diskUsers(ofVolume: "v", pool: "b", path: "/b/v", except: "web").isEmpty)
        #expect(index.domains.count == 3)
    }

    @Test("a volume another domain uses is a conflict")
    func volumeInUse() async throws {
        let set = try ManifestFixture(PlannerTests.manifests).load()
        let fake = FakeHypervisor()
        let engine = Engine(connector: FixedConnector(hypervisor: fake))
        let connected = try await engine.connect(set)
        let plan = try await engine.plan(set, connected: connected, options: PlanOptions())
        _ = try await engine.apply(plan, manifests: set, connected: connected, options: PlanOptions(),
                                   executor: Executor(), events: { _ in })
        let path = try #require(fake.current.volume(pool: "images", name: "web-root.qcow2")?.path)
        fake.drift { $0.domains.insert(Self.domain("intruder", disks: [path]), at: 0) }
        let again = Planner().plan(manifests: set, observed: ["h": fake.current])
        #expect(again.conflicts.map(\.message.english) == ["volume images/web-root.qcow2 is already used by virtual machine 'intruder'"])
    }
}
