import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

@Suite("Changes while a guest runs: live, next boot, restartPolicy")
struct LiveChangeTests {
    static let base = Manifests.join(
        Manifests.document("Hypervisor", "h", "uri: test:///default"),
        Manifests.document("Network", "lab", "ipv4: {address: 192.168.50.1, prefix: 24}"),
        Manifests.document("Network", "lab2", "ipv4: {address: 192.168.51.1, prefix: 24}"),
        Manifests.document("StoragePool", "images", "path: /srv/images"),
        Manifests.document("VirtualMachine", "web", "cpus: 2\nmaxCpus: 4\nmemory: 2GiB\nmaxMemory: 4GiB\nEXTRA\ndisks: [{name: root, size: 10GiB}]\nnetworks: [lab]"))

    static func manifests(_ extra: String = "", _ edit: (String) -> String = { $0 }) -> String {
        edit(base.replacingOccurrences(of: "EXTRA", with: extra.isEmpty ? "autostart: false" : extra.replacingOccurrences(of: "\n", with: "\n  ")))
    }

    /// A running guest created from `base`.
    func running() async throws -> (FakeHypervisor, Engine) {
        let set = try ManifestFixture(Self.manifests()).load()
        let fake = FakeHypervisor()
        let engine = Engine(connector: FixedConnector(hypervisor: fake))
        try await converge(set, engine)
        #expect(fake.current.domains.first?.state == .running)
        return (fake, engine)
    }

    @discardableResult
    func converge(_ set: ManifestSet, _ engine: Engine) async throws -> Plan {
        let connected = try await engine.connect(set)
        let plan = try await engine.plan(set, connected: connected, options: PlanOptions())
        let result = try await engine.apply(plan, manifests: set, connected: connected, options: PlanOptions(),
                                            executor: Executor(), events: { _ in })
        #expect(result.converged, "remaining: \(result.remaining.steps.map(\.id))")
        return plan
    }

    @Test("a new guest is defined with its maxima: memory and vCPUs can grow while it runs")
    func newDomainMaxima() throws {
        let set = try ManifestFixture(Self.manifests()).load()
        let plan = Planner().plan(manifests: set, observed: ["h": FakeHypervisor().current])
        let define = try #require(plan.steps.first { $0.kind == .defineDomain })
        guard case .defineDomain(let definition) = define.action else { Issue.record("expected define-domain"); return }
        #expect(definition.memoryKiB == 2 << 20 && definition.maxMemoryKiB == 4 << 20)
        #expect(definition.vcpus == 2 && definition.maxVcpus == 4)
        let xml = DomainXML.render(definition, arch: "x86_64")
        #expect(xml.contains("<memory unit='KiB'>4194304</memory>"))
        #expect(xml.contains("<currentMemory unit='KiB'>2097152</currentMemory>"))
        #expect(xml.contains("<vcpu current='2'>4</vcpu>"))
        let observed = try DomainXML.parse(xml, state: .running, autostart: false, persistent: true)
        #expect(observed.memoryKiB == 4 << 20 && observed.currentMemoryKiB == 2 << 20)
        #expect(observed.vcpus == 4 && observed.currentVcpus == 2)
        #expect(observed.effectiveMemoryKiB == 2 << 20 && observed.effectiveVcpus == 2)
    }

    @Test("without maxMemory and maxCpus a new guest's XML reads as before")
    func noMaxima() throws {
        let set = try ManifestFixture(Self.manifests { $0.replacingOccurrences(of: "maxCpus: 4", with: "bootTimeout: 600").replacingOccurrences(of: "maxMemory: 4GiB", with: "stopTimeout: 120") }).load()
        let plan = Planner().plan(manifests: set, observed: ["h": FakeHypervisor().current])
        guard case .defineDomain(let definition)? = plan.steps.first(where: { $0.kind == .defineDomain })?.action else {
            Issue.record("expected define-domain"); return
        }
        #expect(definition.maxMemoryKiB == nil && definition.maxVcpus == nil)
        let xml = DomainXML.render(definition, arch: "x86_64")
        #expect(xml.contains("<memory unit='KiB'>2097152</memory>") && xml.contains("<vcpu>2</vcpu>"))
    }

    @Test("memory and vCPUs within the maxima, a new NIC and a new data disk are live: one apply-live step, no restart")
    func liveChanges() async throws {
        let (fake, engine) = try await running()
        let changed = try ManifestFixture(Self.manifests {
            $0.replacingOccurrences(of: "cpus: 2\n", with: "cpus: 3\n").replacingOccurrences(of: "memory: 2GiB", with: "memory: 3GiB")
                .replacingOccurrences(of: "{name: root, size: 10GiB}", with: "{name: root, size: 10GiB}, {name: data, size: 1GiB}")
                .replacingOccurrences(of: "networks: [lab]", with: "networks: [lab, lab2]")
        }).load()
        let plan = Planner().plan(manifests: changed, observed: ["h": fake.current])
        let domain = try #require(plan.resources.first { $0.address.kind == .domain })
        #expect(domain.fields.map(\.field) == ["cpus", "memory", "disks[1]", "networks[1]"])
        #expect(domain.fields.allSatisfy { $0.timing == .live }, "\(domain.fields)")
        #expect(domain.restartPending == nil)
        #expect(!plan.steps.contains { $0.kind == .shutdownDomain || $0.kind == .startDomain })
        let step = try #require(plan.step(id: "apply-live:h/domain/web"))
        guard case .applyLive(let live) = step.action else { Issue.record("expected apply-live"); return }
        #expect(live.memoryKiB == 3 << 20 && live.vcpus == 3)
        #expect(live.attachDisks.map(\.target) == ["vdb"] && live.attachInterfaces.map(\.network) == ["lab2"])
        // The disk exists before the guest gets it.
        #expect(step.dependsOn.contains("create-volume:h/volume/images/web-data.qcow2"))
        // Hotplugged devices are attached once, to the guest and its definition, not also by the patch.
        if case .updateDomain(let patch)? = plan.step(id: "update-domain:h/domain/web")?.action {
            #expect(patch.addedDisks.isEmpty && patch.addedInterfaces.isEmpty)
        }
        let text = PlanTextRenderer().render(plan)
        #expect(text.contains("memory:") && text.contains("2GiB → 3GiB (live)"))
        #expect(text.contains("cpus:") && text.contains("2 → 3 (live)"))

        try await converge(changed, engine)
        let after = try #require(fake.current.domains.first)
        #expect(after.state == .running)
        #expect(after.effectiveMemoryKiB == 3 << 20 && after.memoryKiB == 4 << 20)
        #expect(after.effectiveVcpus == 3 && after.vcpus == 4)
        #expect(after.disks.map(\.target).contains("vdb") && after.interfaces.map(\.source).contains("lab2"))
        #expect(!fake.recordedCalls.contains { $0.hasPrefix("shutdown-domain") })
        #expect(Planner().plan(manifests: changed, observed: ["h": fake.current]).steps.isEmpty)
    }

    @Test("beyond the maxima the change waits: restartPolicy never says a restart is pending, in text and JSON")
    func restartPending() async throws {
        let (fake, _) = try await running()
        let changed = try ManifestFixture(Self.manifests {
            $0.replacingOccurrences(of: "memory: 2GiB", with: "memory: 6GiB").replacingOccurrences(of: "maxMemory: 4GiB", with: "maxMemory: 8GiB")
        }).load()
        let plan = Planner().plan(manifests: changed, observed: ["h": fake.current])
        let domain = try #require(plan.resources.first { $0.address.kind == .domain })
        #expect(domain.fields == [
            FieldChange(field: "maxMemory", before: "4GiB", after: "8GiB").timed(.nextBoot),
            FieldChange(field: "memory", before: "2GiB", after: "6GiB").timed(.nextBoot),
        ])
        #expect(domain.restartPending == true)
        #expect(domain.notes.contains { $0.english.hasPrefix("restart pending: maxMemory, memory") })
        #expect(!plan.steps.contains { $0.kind == .shutdownDomain || $0.kind == .applyLive })
        let json = PlanJSONRenderer().render(plan)
        #expect(json.contains("\"restartPending\" : true"))
        #expect(json.contains("\"timing\" : \"next-boot\""))
        #expect(PlanTextRenderer().render(plan).contains("2GiB → 6GiB (next boot)"))
        #expect(plan.restartPending == [ResourceAddress(hypervisor: "h", kind: .domain, name: "web")])
        #expect(plan.restartPendingLine()?.hasPrefix("Restart pending: 'web' has changes") == true)
    }

    @Test("restartPolicy ifNeeded restarts gracefully after the definition changed, and the guest comes back with it")
    func restartIfNeeded() async throws {
        let (fake, engine) = try await running()
        let changed = try ManifestFixture(Self.manifests("restartPolicy: ifNeeded\nstopTimeout: 30") {
            $0.replacingOccurrences(of: "maxCpus: 4", with: "maxCpus: 8")
        }).load()
        let plan = Planner().plan(manifests: changed, observed: ["h": fake.current])
        let domain = try #require(plan.resources.first { $0.address.kind == .domain })
        #expect(domain.fields.first == FieldChange(field: "maxCpus", before: 4, after: 8).timed(.nextBoot))
        #expect(domain.restartPending == nil)
        let stop = try #require(plan.step(id: "shutdown-domain:h/domain/web"))
        guard case .shutdownDomain(_, let seconds) = stop.action else { Issue.record("expected shutdown-domain"); return }
        #expect(seconds == 30)
        #expect(stop.dependsOn.contains("update-domain:h/domain/web") || stop.dependsOn.contains("record-ownership:h/domain/web"))
        #expect(plan.step(id: "start-domain:h/domain/web")?.dependsOn.contains(stop.id) == true)
        #expect(domain.notes.contains { $0.english.contains("restartPolicy: ifNeeded") && $0.english.contains("ACPI shutdown") })

        try await converge(changed, engine)
        let after = try #require(fake.current.domains.first)
        #expect(after.state == .running && after.vcpus == 8 && after.effectiveVcpus == 2)
        let order = fake.recordedCalls.filter { ["update-domain", "shutdown-domain", "start-domain"].contains(String($0.split(separator: " ").first ?? "")) }
        #expect(order.suffix(3) == ["update-domain web", "shutdown-domain web", "start-domain web"], "\(order)")
    }

    @Test("a stopped guest's changes carry no timing and no restart")
    func stoppedGuest() async throws {
        let (fake, _) = try await running()
        fake.drift { $0.domains[0].state = .shutoff }
        let changed = try ManifestFixture(Self.manifests("state: stopped") { $0.replacingOccurrences(of: "memory: 2GiB", with: "memory: 3GiB") }).load()
        let plan = Planner().plan(manifests: changed, observed: ["h": fake.current])
        let domain = try #require(plan.resources.first { $0.address.kind == .domain })
        #expect(domain.fields.allSatisfy { $0.timing == nil } && domain.restartPending == nil)
        #expect(plan.steps.map(\.kind) == [.updateDomain, .recordOwnership])
    }

    @Test("maxMemory below memory and maxCpus below cpus are errors at their line")
    func maximaValidated() throws {
        let diagnostics = try ManifestFixture(Self.manifests { $0.replacingOccurrences(of: "maxMemory: 4GiB", with: "maxMemory: 1GiB").replacingOccurrences(of: "maxCpus: 4", with: "maxCpus: 1") }).diagnostics()
        #expect(diagnostics.contains { $0.description.contains("maxMemory") && $0.description.contains("at least memory") })
        #expect(diagnostics.contains { $0.description.contains("maxCpus") && $0.description.contains("at least cpus") })
        let policy = try ManifestFixture(Self.manifests("restartPolicy: always")).diagnostics()
        #expect(policy.contains { $0.description.contains("restartPolicy") })
    }

    @Test("the definition patch sets vCPUs online and the balloon within the maxima")
    func patchCurrentValues() throws {
        let xml = "<domain type='qemu'><name>d</name><memory unit='KiB'>4194304</memory><currentMemory unit='KiB'>2097152</currentMemory><vcpu current='2'>4</vcpu><devices/></domain>"
        var patch = DomainPatch(name: "d", uuid: nil)
        patch.currentVcpus = 3
        patch.currentMemoryKiB = 3 << 20
        let after = try DomainXML.parse(try DomainXML.apply(patch, to: xml), state: .shutoff, autostart: false, persistent: true)
        #expect(after.vcpus == 4 && after.currentVcpus == 3 && after.memoryKiB == 4 << 20 && after.currentMemoryKiB == 3 << 20)
        var all = DomainPatch(name: "d", uuid: nil)
        all.currentVcpus = 4
        all.currentMemoryKiB = 8 << 20
        let full = try DomainXML.parse(try DomainXML.apply(all, to: xml), state: .shutoff, autostart: false, persistent: true)
        // All vCPUs online drops current=; the balloon never exceeds the maximum.
        #expect(full.vcpus == 4 && full.currentVcpus == nil && full.currentMemoryKiB == nil && full.memoryKiB == 4 << 20)
    }

    /// libvirt 9.0's test driver sets memory (live and config one call at a time) and vCPUs, but has no
    /// virDomainAttachDeviceFlags: hotplug is covered by the in-memory host above and the real-libvirtd test.
    @Test("on libvirt's test driver: apply-live sets vCPUs and memory of the running guest and its definition")
    func testDriverLiveChanges() async throws {
        let harness = try await TestDriverTests.Harness()
        let first = try await harness.apply(Self.manifests())
        #expect(first.converged, "remaining: \(first.remaining.steps.map(\.id)), failed: \(first.report.failed)")
        let changedText = Self.manifests {
            $0.replacingOccurrences(of: "cpus: 2\n", with: "cpus: 3\n").replacingOccurrences(of: "memory: 2GiB", with: "memory: 3GiB")
        }
        let plan = try await harness.plan(changedText)
        #expect(plan.steps.contains { $0.kind == .applyLive } && !plan.steps.contains { $0.kind == .shutdownDomain })
        let applied = try await harness.apply(changedText)
        #expect(applied.converged, "remaining: \(applied.remaining.steps.map(\.id)), failed: \(applied.report.failed)")
        let domain = try #require(try harness.hypervisor.connection.domain(named: "web"))
        let live = try DomainXML.parse(try domain.xml(inactive: false), state: .running, autostart: false, persistent: true)
        #expect(live.effectiveVcpus == 3 && live.vcpus == 4, "vcpus \(live.effectiveVcpus)/\(live.vcpus)")
        #expect(live.effectiveMemoryKiB == 3 << 20 && live.memoryKiB == 4 << 20, "memory \(live.effectiveMemoryKiB)/\(live.memoryKiB)")
        let config = try DomainXML.parse(try domain.xml(inactive: true), state: .running, autostart: false, persistent: true)
        #expect(config.effectiveVcpus == 3 && config.effectiveMemoryKiB == 3 << 20)
        #expect(try await harness.plan(changedText).steps.isEmpty)
    }
}
