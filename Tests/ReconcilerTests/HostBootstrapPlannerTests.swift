import Testing
@testable import Reconciler
@testable import Spec

@Suite("Planning a ready host with a fake HostSystem")
struct HostBootstrapPlannerTests {
    static func manifests(_ extra: String = "", hypervisorSpec: String = "uri: test:///default\nstate: ready\nusers: [alice]") throws -> ManifestSet {
        var documents = [Manifests.document("Hypervisor", "h", hypervisorSpec)]
        if !extra.isEmpty { documents.append(extra) }
        return try ManifestFixture(documents.joined(separator: "\n---\n") + "\n").load()
    }

    /// libvirt state of a host whose default network and pool already exist and run.
    static var readyLibvirt: HostState {
        HostState(capabilities: HostCapabilities(domainTypes: ["kvm", "qemu"], arch: "x86_64"),
                  networks: [ObservedNetwork(name: "default", uuid: "u", mode: .nat, bridge: "virbr0", interface: nil,
                                             ipv4: nil, active: true, autostart: true, ownership: nil)],
                  pools: [ObservedPool(name: "default", type: "dir", path: "/var/lib/libvirt/images", active: true, autostart: true)])
    }

    @Test("a ready host plans nothing")
    func readyHostPlansNothing() throws {
        let set = try Self.manifests()
        let plan = Planner().plan(manifests: set, observed: ["h": Self.readyLibvirt],
                                  hosts: ["h": HostObservation(facts: FakeHostSystem.ready())])
        #expect(plan.steps.isEmpty, "\(plan.steps.map(\.id))")
        #expect(plan.blockers.isEmpty)
        #expect(!plan.hasChanges)
    }

    @Test("a bare host plans install → enable → start, groups after install, and notes libvirt for later")
    func bareHost() throws {
        let set = try Self.manifests()
        let plan = Planner().plan(manifests: set, observed: [:],
                                  hosts: ["h": HostObservation(facts: FakeHostSystem.bare(), libvirtError: "no socket")])
        #expect(plan.steps.map(\.id) == [
            "install-packages:h/host/packages", "enable-service:h/host/libvirtd", "start-service:h/host/libvirtd",
            "add-user-to-group:h/host/group/libvirt/alice", "add-user-to-group:h/host/group/kvm/alice",
        ])
        #expect(plan.step(id: "enable-service:h/host/libvirtd")?.dependsOn == ["install-packages:h/host/packages"])
        #expect(plan.step(id: "start-service:h/host/libvirtd")?.dependsOn
                == ["install-packages:h/host/packages", "enable-service:h/host/libvirtd"])
        #expect(plan.step(id: "add-user-to-group:h/host/group/kvm/alice")?.dependsOn == ["install-packages:h/host/packages"])
        #expect(plan.step(id: "install-packages:h/host/packages")?.action == .installPackages(["qemu-kvm", "libvirt"]))
        #expect(plan.notices.contains { $0.english.contains("will be planned once the daemon answers") })
        #expect(plan.blockers.isEmpty)
    }

    @Test("the default network and pool steps wait for start-service")
    func libvirtStepsWaitForTheDaemon() throws {
        var facts = FakeHostSystem.ready()
        facts.serviceRunning = false
        let set = try Self.manifests()
        let empty = HostState(capabilities: HostCapabilities(domainTypes: ["qemu"], arch: "x86_64"))
        let plan = Planner().plan(manifests: set, observed: ["h": empty], hosts: ["h": HostObservation(facts: facts)])
        let start = "start-service:h/host/libvirtd"
        #expect(plan.step(id: "define-network:h/network/default")?.dependsOn == [start])
        #expect(plan.step(id: "define-pool:h/pool/default")?.dependsOn == [start])
        // Later libvirt steps wait through their own chain, which starts at start-service.
        #expect(plan.step(id: "start-network:h/network/default")?.dependsOn == ["define-network:h/network/default"])
        guard case .defineNetwork(let network) = plan.step(id: "define-network:h/network/default")?.action else {
            Issue.record("no define-network step")
            return
        }
        #expect(network.bridge == "virbr0")
        #expect(network.ipv4 == IPv4Config(address: "192.168.122.1", prefix: 24,
                                           dhcp: IPv4Config.DHCPRange(start: "192.168.122.2", end: "192.168.122.254")))
    }

    @Test("declared networks and pools named default replace the implicit ones")
    func declaredDefaultsWin() throws {
        let set = try Self.manifests(Manifests.document("StoragePool", "default", "path: /srv/vm"))
        let empty = HostState(capabilities: HostCapabilities(domainTypes: ["qemu"], arch: "x86_64"))
        let plan = Planner().plan(manifests: set, observed: ["h": empty], hosts: ["h": HostObservation(facts: FakeHostSystem.ready())])
        guard case .definePool(let pool) = plan.step(id: "define-pool:h/pool/default")?.action else {
            Issue.record("no define-pool step")
            return
        }
        #expect(pool.path == "/srv/vm")
    }

    @Test("an existing default network of any origin is started, never redefined or reported as a conflict")
    func existingDefaultNetworkIsKept() throws {
        var libvirt = Self.readyLibvirt
        libvirt.networks[0].active = false
        let plan = Planner().plan(manifests: try Self.manifests(), observed: ["h": libvirt],
                                  hosts: ["h": HostObservation(facts: FakeHostSystem.ready())])
        #expect(plan.steps.map(\.id) == ["start-network:h/network/default"])
        #expect(plan.conflicts.isEmpty)
    }

    @Test("without an init system: no enable-service, a notice, and a start that says how")
    func noInitSystem() throws {
        let plan = Planner().plan(manifests: try Self.manifests(), observed: [:],
                                  hosts: ["h": HostObservation(facts: FakeHostSystem.bare(serviceManager: .none), libvirtError: "down")])
        #expect(!plan.steps.contains { $0.kind == .enableService })
        #expect(plan.notices.contains { $0.english.contains("no init system") && $0.english.contains("no enable-service step") })
        #expect(plan.step(id: "start-service:h/host/libvirtd")?.reason.english.contains("libvirtd -d") == true)
    }

    @Test("preflight blockers: /dev/kvm with domainType kvm, unreachable libvirt, pool access, confinement")
    func blockers() throws {
        var facts = FakeHostSystem.ready()
        facts.kvmDevice = .permissionDenied
        facts.untraversablePaths = ["/home/alice/vms": "/home/alice"]
        facts.enforcingSecurityModule = "SELinux"
        let set = try Self.manifests(Manifests.document("StoragePool", "mine", "path: /home/alice/vms"),
                                     hypervisorSpec: "uri: test:///default\nstate: ready\ndomainType: kvm")
        let plan = Planner().plan(manifests: set, observed: [:], hosts: ["h": HostObservation(facts: facts, libvirtError: "refused")])
        let messages = plan.blockers.map(\.message.english).joined(separator: "\n")
        #expect(messages.contains("/dev/kvm is not usable"))
        #expect(plan.blockers.contains { $0.hint.english.contains("kvm group") && $0.hint.english.contains("log in again") })
        #expect(messages.contains("libvirtd runs on 'h' but libvirt at test:///default does not answer"))
        #expect(messages.contains("QEMU cannot reach the pool path /home/alice/vms"))
        #expect(plan.blockers.contains { $0.hint.english.contains("semanage fcontext") })
        #expect(plan.blockers.allSatisfy { !$0.hint.english.isEmpty && $0.hypervisor == "h" })
        #expect(PlanTextRenderer().render(plan).contains("Blockers"))
        #expect(PlanJSONRenderer().render(plan).contains("\"blockers\""))
    }

    @Test("with domainType auto an unusable /dev/kvm is a notice, and a missing ISO builder too unless a seed is needed")
    func notices() throws {
        var facts = FakeHostSystem.ready()
        facts.kvmDevice = .missing
        facts.isoBuilder = nil
        let plan = Planner().plan(manifests: try Self.manifests(), observed: ["h": Self.readyLibvirt],
                                  hosts: ["h": HostObservation(facts: facts)])
        #expect(plan.blockers.isEmpty)
        #expect(plan.notices.contains { $0.english.contains("fall back to domain type qemu") })
        #expect(plan.notices.contains { $0.english.contains("no ISO builder") })
    }

    @Test("apply runs the host steps, connects again, and plans and applies libvirt's objects in the next pass")
    func applyInPasses() async throws {
        let system = FakeHostSystem(FakeHostSystem.bare())
        let libvirt = FakeHypervisor()
        let engine = Engine(connector: DaemonGatedConnector(hypervisor: libvirt, system: system),
                            systems: FakeHostSystemConnector(system: system))
        let set = try Self.manifests()
        let connected = try await engine.connect(set)
        #expect(connected.unreachable["h"] != nil)
        let plan = try await engine.plan(set, connected: connected, options: PlanOptions())
        #expect(plan.steps.allSatisfy { $0.kind.isHostLevel })
        let result = try await engine.apply(plan, manifests: set, connected: connected, options: PlanOptions(),
                                            executor: Executor(), events: { _ in })
        #expect(result.converged, "remaining: \(result.remaining.steps.map(\.id)) \(result.report.failed)")
        // Group changes run beside the daemon steps; the daemon steps keep their order.
        #expect(system.recordedCalls.filter { !$0.hasPrefix("add ") } == ["install qemu-kvm libvirt", "enable libvirtd", "start libvirtd"])
        #expect(Set(system.recordedCalls.filter { $0.hasPrefix("add ") }) == ["add alice to libvirt", "add alice to kvm"])
        #expect(libvirt.current.network(named: "default")?.active == true)
        #expect(libvirt.current.pool(named: "default")?.path == "/var/lib/libvirt/images")
        #expect(result.report.outcome(of: "define-pool:h/pool/default") == .succeeded)
    }

    @Test("apply refuses the steps of a host with a blocker")
    func blockedHostIsNotChanged() async throws {
        var facts = FakeHostSystem.bare()
        facts.untraversablePaths = ["/var/lib/libvirt/images": "/var/lib/libvirt"]
        let system = FakeHostSystem(facts)
        let engine = Engine(connector: DaemonGatedConnector(hypervisor: FakeHypervisor(), system: system),
                            systems: FakeHostSystemConnector(system: system))
        let set = try Self.manifests()
        let connected = try await engine.connect(set)
        let plan = try await engine.plan(set, connected: connected, options: PlanOptions())
        #expect(!plan.blockers.isEmpty)
        let result = try await engine.apply(plan, manifests: set, connected: connected, options: PlanOptions(),
                                            executor: Executor(), events: { _ in })
        #expect(system.recordedCalls.isEmpty)
        #expect(!result.converged)
        #expect(result.report.skipped == plan.steps.count)
    }

    @Test("prune keeps the implicit default network a ready host got")
    func pruneKeepsDefaults() throws {
        var libvirt = Self.readyLibvirt
        libvirt.networks[0].ownership = Ownership(name: "default", specHash: "x")
        let plan = Planner(options: PlanOptions(prune: true)).plan(
            manifests: try Self.manifests(), observed: ["h": libvirt], hosts: ["h": HostObservation(facts: FakeHostSystem.ready())])
        #expect(!plan.steps.contains { $0.kind == .undefineNetwork })
    }
}
