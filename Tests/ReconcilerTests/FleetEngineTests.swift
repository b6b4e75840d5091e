import Testing
@testable import Reconciler
@testable import Spec

@Suite("Engine: many hypervisors")
struct FleetEngineTests {
    /// Hypervisors h0…h(count-1) at fake:///hN, each with two isolated networks.
    static func manifests(hosts count: Int, down: [String] = []) throws -> ManifestSet {
        var documents: [String] = []
        for name in (0..<count).map({ "h\($0)" }) + down {
            documents.append(Manifests.document("Hypervisor", name, "uri: 'test:///\(name)'"))
            for network in ["a", "b"] {
                documents.append(Manifests.document("Network", "\(network)-\(name)", "hypervisor: \(name)\nmode: isolated"))
            }
        }
        return try ManifestFixture(documents.joined(separator: "\n---\n")).load()
    }

    static func fakes(_ count: Int, delay: Duration = .zero) -> [String: FakeHypervisor] {
        Dictionary(uniqueKeysWithValues: (0..<count).map { ("test:///h\($0)", FakeHypervisor(delay: delay)) })
    }

    @Test("hypervisors are connected concurrently, never more than parallelHosts at once")
    func boundedConnections() async throws {
        let set = try Self.manifests(hosts: 5)
        for (limit, expected) in [(2, 2), (8, 5)] {
            let connector = CountingConnector(Self.fakes(5))
            var engine = Engine(connector: connector)
            engine.parallelHosts = limit
            let connected = try await engine.connect(set)
            #expect(connected.hosts.count == 5)
            #expect(connector.peakConcurrency == expected)
        }
    }

    @Test("a hypervisor that cannot be reached is left out of the plan; the others converge and the run does not")
    func oneHostDown() async throws {
        let set = try Self.manifests(hosts: 3, down: ["down"])
        let fakes = Self.fakes(3, delay: .milliseconds(5))
        let timings = HostTimings()
        var engine = Engine(connector: CountingConnector(fakes))
        engine.timings = timings
        let connected = try await engine.connect(set)
        #expect(connected.failed.keys.sorted() == ["down"])
        let plan = try await engine.plan(set, connected: connected, options: PlanOptions())
        #expect(plan.unreachable.map(\.hypervisor) == ["down"])
        #expect(plan.unreachable.first?.reason.english.contains("connection refused by test:///down") == true)
        #expect(Set(plan.steps.map(\.resource.hypervisor)) == ["h0", "h1", "h2"])
        #expect(!plan.isConverged && plan.leftAloneSummary == "1 hypervisor unreachable")

        let result = try await engine.apply(plan, manifests: set, connected: connected, options: PlanOptions(),
                                            executor: Executor(parallelism: 1), events: { _ in })
        #expect(result.report.allSucceeded)
        #expect(result.remaining.steps.isEmpty && result.remaining.unreachable.map(\.hypervisor) == ["down"])
        #expect(!result.converged)
        for fake in fakes.values {
            #expect(fake.current.networks.map(\.name).count == 2)
            // --parallel stays a per-hypervisor limit.
            #expect(fake.peakConcurrency == 1)
        }
        #expect(timings.duration(of: "h0") > .zero && timings.duration(of: "down") > .zero)
    }

    @Test("a host whose observation fails is reported, the others are planned")
    func observationFails() async throws {
        let set = try Self.manifests(hosts: 2)
        var fakes: [String: any Hypervisor] = Self.fakes(1)
        fakes["test:///h1"] = UnreachableHypervisor(uri: "test:///h1", reason: ErrorWording(.verbatim("the daemon went away")))
        let engine = Engine(connector: CountingConnector(fakes))
        let plan = try await engine.plan(set, connected: try await engine.connect(set), options: PlanOptions())
        #expect(plan.unreachable.map(\.hypervisor) == ["h1"])
        #expect(plan.unreachable.first?.reason.english.hasPrefix("cannot read the state of hypervisor 'h1' (test:///h1): libvirt at test:///h1 does not answer: the daemon went away") == true)
        #expect(Set(plan.steps.map(\.resource.hypervisor)) == ["h0"])
    }
}
