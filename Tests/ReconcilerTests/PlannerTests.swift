import Testing
@testable import Reconciler
@testable import Spec

@Suite("Planner with an in-memory host")
struct PlannerTests {
    static let manifests = Manifests.join(
        Manifests.document("Hypervisor", "h", "uri: test:///default"),
        Manifests.document("Network", "lab", "ipv4: {address: 192.168.50.1, prefix: 24, dhcp: {start: 192.168.50.10, end: 192.168.50.99}}"),
        Manifests.document("StoragePool", "images", "path: /srv/images"),
        Manifests.document("VirtualMachine", "web", "cpus: 2\nmemory: 2GiB\ndisks: [{name: root, size: 10GiB, deleteWithVM: true}]\nnetworks: [lab]\nautostart: true"))

    func converged(_ text: String = PlannerTests.manifests) async throws -> (ManifestSet, FakeHypervisor, Engine) {
        let set = try ManifestFixture(text).load()
        let fake = FakeHypervisor()
        let engine = Engine(connector: FixedConnector(hypervisor: fake))
        let connected = try await engine.connect(set)
        let plan = try await engine.plan(set, connected: connected, options: PlanOptions())
        let result = try await engine.apply(plan, manifests: set, connected: connected, options: PlanOptions(),
                                            executor: Executor(), events: { _ in })
        #expect(result.converged, "remaining: \(result.remaining.steps.map(\.id))")
        return (set, fake, engine)
    }

    @Test("an empty host gets every object, in dependency order")
    func createsEverything() throws {
        let set = try ManifestFixture(Self.manifests).load()
        let plan = Planner().plan(manifests: set, observed: ["h": FakeHypervisor().current])
        #expect(plan.steps.map(\.kind.rawValue) == [
            "define-network", "start-network", "set-network-autostart",
            "define-pool", "build-pool", "start-pool", "set-pool-autostart",
            "create-volume", "define-domain", "start-domain", "set-domain-autostart",
        ])
        let start = try #require(plan.step(id: "start-domain:h/domain/web"))
        #expect(Set(start.dependsOn) == ["define-domain:h/domain/web", "create-volume:h/volume/images/web-root.qcow2",
                                         "start-network:h/network/lab", "start-pool:h/pool/images"])
        #expect(plan.summary == Plan.Summary(create: 4, update: 0, delete: 0))
        #expect(plan.step(id: "create-volume:h/volume/images/web-root.qcow2")?.dependsOn == ["start-pool:h/pool/images"])
    }

    @Test("a converged host plans nothing, even with MACs libvirt generated")
    func idempotent() async throws {
        let (set, fake, _) = try await converged()
        #expect(fake.current.domains.first?.interfaces.first?.mac != nil)
        let plan = Planner().plan(manifests: set, observed: ["h": fake.current])
        #expect(plan.steps.isEmpty)
        #expect(PlanTextRenderer().render(plan).hasSuffix("No changes. The hosts match the manifests.\n"))
    }

    @Test("drift shows each field before and after, and keeps the generated MAC")
    func drift() async throws {
        let (set, fake, _) = try await converged()
        let mac = try #require(fake.current.domains.first?.interfaces.first?.mac)
        fake.drift { state in
            state.domains[0].memoryKiB = 1024 * 1024
            state.domains[0].state = .running
            state.networks[0].autostart = false
            state.networks[0].active = false
        }
        let plan = Planner().plan(manifests: set, observed: ["h": fake.current])
        let domain = try #require(plan.resources.first { $0.address.kind == .domain })
        #expect(domain.change == .update)
        // Above the maximum the guest booted with: the balloon cannot reach it, so it waits for the next boot.
        #expect(domain.fields == [FieldChange(field: "memory", before: "1GiB", after: "2GiB").timed(.nextBoot)])
        #expect(domain.restartPending == true)
        #expect(domain.notes.contains { $0.english.contains("next boot") })
        let update = try #require(plan.step(id: "update-domain:h/domain/web"))
        #expect(update.reason.english == "changed outside reconcile (drift)")
        guard case .updateDomain(let patch) = update.action else {
            Issue.record("expected an update-domain action")
            return
        }
        // Only memory is written; the NIC with its generated MAC is not touched at all.
        #expect(patch.memoryKiB == 2 << 20 && patch.vcpus == nil)
        #expect(patch.addedInterfaces.isEmpty && patch.changedInterfaces.isEmpty && patch.addedDisks.isEmpty)
        #expect(fake.current.domains.first?.interfaces.first?.mac == mac)
        let network = try #require(plan.resources.first { $0.address.kind == .network })
        #expect(Set(network.fields.map(\.field)) == ["active", "autostart"])
        #expect(Set(plan.steps.map(\.kind)) == [.updateDomain, .startNetwork, .setNetworkAutostart])
    }

    @Test("a manifest change is told apart from drift")
    func manifestChange() async throws {
        let (_, fake, _) = try await converged()
        let changed = try ManifestFixture(Self.manifests.replacingOccurrences(of: "cpus: 2", with: "cpus: 4")).load()
        let plan = Planner().plan(manifests: changed, observed: ["h": fake.current])
        #expect(plan.step(id: "update-domain:h/domain/web")?.reason.english == "manifest changed")
        #expect(plan.resources.first { $0.address.kind == .domain }?.fields == [FieldChange(field: "cpus", before: 2, after: 4).timed(.nextBoot)])
    }

    @Test("objects reconcile did not create are conflicts, unless adopted")
    func conflicts() throws {
        var state = FakeHypervisor().current
        state.networks.append(ObservedNetwork(name: "lab", mode: .nat, bridge: "virbr0", active: true, autostart: true))
        state.domains.append(ObservedDomain(name: "web", type: "kvm", vcpus: 1, memoryKiB: 1 << 20, state: .running, autostart: false))
        state.pools.append(ObservedPool(name: "images", type: "dir", path: "/elsewhere", active: true, autostart: true))
        let set = try ManifestFixture(Self.manifests).load()
        let plan = Planner().plan(manifests: set, observed: ["h": state])
        #expect(Set(plan.conflicts.map(\.address.description)) == ["h/network/lab", "h/domain/web", "h/pool/images"])
        #expect(!plan.steps.contains { $0.resource.kind == .network || $0.resource.kind == .domain })

        let adopted = try ManifestFixture(Self.manifests.replacingOccurrences(of: "name: lab", with: "name: lab\n  adopt: true")).load()
        let adoptPlan = Planner().plan(manifests: adopted, observed: ["h": state])
        let update = try #require(adoptPlan.step(id: "update-network:h/network/lab"))
        #expect(update.reason.english == "manifest changed" || update.reason.english.contains("adopt"))
        #expect(!adoptPlan.conflicts.contains { $0.address.kind == .network })
    }

    @Test("prune deletes only managed leftovers, in reverse dependency order")
    func prune() async throws {
        let (_, fake, _) = try await converged()
        fake.drift { state in
            state.domains[0].state = .running
            state.domains.append(ObservedDomain(name: "handmade", type: "kvm", vcpus: 1, memoryKiB: 1 << 20, state: .running, autostart: false))
        }
        let emptied = try ManifestFixture(Manifests.join(
            Manifests.document("Hypervisor", "h", "uri: test:///default"),
            Manifests.document("StoragePool", "images", "path: /srv/images"))).load()
        let report = Planner().plan(manifests: emptied, observed: ["h": fake.current])
        #expect(report.steps.isEmpty)
        #expect(report.notices.contains { $0.english.contains("'web'") && $0.english.contains("--prune") })
        #expect(report.notices.contains { $0.english.contains("'lab'") && $0.english.contains("--prune") })

        let plan = Planner(options: PlanOptions(prune: true)).plan(manifests: emptied, observed: ["h": fake.current])
        #expect(plan.steps.map(\.id) == [
            "shutdown-domain:h/domain/web", "undefine-domain:h/domain/web",
            "delete-volume:h/volume/images/web-root.qcow2",
            "stop-network:h/network/lab", "undefine-network:h/network/lab",
        ])
        #expect(plan.step(id: "delete-volume:h/volume/images/web-root.qcow2")?.dependsOn == ["undefine-domain:h/domain/web"])
        #expect(plan.step(id: "stop-network:h/network/lab")?.dependsOn == ["undefine-domain:h/domain/web"])
        #expect(!plan.steps.contains { $0.resource.name == "handmade" })
        #expect(plan.summary == Plan.Summary(create: 0, update: 0, delete: 3))
    }

    @Test("state stopped shuts a running VM down; absent deletes it and only its deleteWithVM volumes")
    func stateChanges() async throws {
        let (_, fake, _) = try await converged()
        fake.drift { $0.domains[0].state = .running }
        let stopped = try ManifestFixture(Self.manifests.replacingOccurrences(of: "autostart: true", with: "autostart: true\n  state: stopped")).load()
        let stopPlan = Planner().plan(manifests: stopped, observed: ["h": fake.current])
        #expect(stopPlan.steps.map(\.kind) == [.shutdownDomain])

        let absent = try ManifestFixture(Self.manifests.replacingOccurrences(of: "autostart: true", with: "state: absent")).load()
        let deletePlan = Planner().plan(manifests: absent, observed: ["h": fake.current])
        #expect(deletePlan.steps.map(\.kind) == [.shutdownDomain, .undefineDomain, .deleteVolume])
    }

    @Test("a larger declared disk grows the volume; a smaller one is an error naming the disk, never a shrink")
    func volumeSizes() async throws {
        let (_, fake, _) = try await converged()
        let grown = try ManifestFixture(Self.manifests.replacingOccurrences(of: "size: 10GiB", with: "size: 20GiB")).load()
        let growPlan = Planner().plan(manifests: grown, observed: ["h": fake.current])
        #expect(growPlan.steps.map(\.kind) == [.resizeVolume])
        let shrunk = try ManifestFixture(Self.manifests.replacingOccurrences(of: "size: 10GiB", with: "size: 5GiB")).load()
        let shrinkPlan = Planner().plan(manifests: shrunk, observed: ["h": fake.current])
        #expect(shrinkPlan.steps.isEmpty)
        let refusal = try #require(shrinkPlan.conflicts.first)
        #expect(refusal.message.english.contains("disk 'root' of virtual machine 'web'") && refusal.message.english.contains("never shrunk"))
        #expect(refusal.address == .volume(hypervisor: "h", pool: "images", name: "web-root.qcow2"))
    }

    @Test("adopting a VM whose declared fields match plans only record-ownership; its type is never rewritten")
    func adoptMatching() throws {
        var state = FakeHypervisor().current
        state.networks.append(ObservedNetwork(name: "lab", mode: .nat, bridge: "virbr0", active: true, autostart: true))
        state.domains.append(ObservedDomain(
            name: "web", uuid: "c0de3000-0000-4000-8000-000000000001", type: "kvm", vcpus: 2, memoryKiB: 2 << 20,
            disks: [.init(source: "/srv/images/web-root.qcow2", target: "vda", bus: "virtio", format: "qcow2"),
                    .init(device: "cdrom", source: "/srv/tools.iso", target: "hdc", bus: "ide", format: "raw", readOnly: true)],
            interfaces: [.init(type: "network", source: "lab", mac: "52:54:00:12:34:56", model: "e1000"),
                         .init(type: "bridge", source: "br9", mac: "52:54:00:12:34:57", model: "virtio")],
            state: .shutoff, autostart: true))
        let text = Self.manifests.replacingOccurrences(of: "name: web", with: "name: web\n  adopt: true")
            .replacingOccurrences(of: "name: lab", with: "name: lab\n  adopt: true")
        let plan = Planner().plan(manifests: try ManifestFixture(text).load(), observed: ["h": state])
        let domainSteps = plan.steps.filter { $0.resource.kind == .domain }
        #expect(domainSteps.map(\.kind) == [.recordOwnership, .startDomain])
        guard case .recordOwnership(let ownership, let domain)? = domainSteps.first?.action else {
            Issue.record("expected record-ownership")
            return
        }
        #expect(domain == "web" && ownership.uuid == "c0de3000-0000-4000-8000-000000000001")
        #expect(plan.resources.first { $0.address.kind == .domain }?.fields.map(\.field) == ["state"])
        // The declared type is qemu (the fake host has no KVM): said, not rewritten.
        #expect(plan.notices.contains { $0.english.contains("'kvm'") && $0.english.contains("never changes an existing domain's type") })

        // A declared NIC matched by MAC moves network in place; an undeclared one and the CD-ROM are left alone.
        let moved = text.replacingOccurrences(of: "networks: [lab]", with: "networks: [{network: lab2, mac: '52:54:00:12:34:57'}, lab]")
            + "---\n" + Manifests.document("Network", "lab2", "mode: isolated") + "\n"
        let movePlan = Planner().plan(manifests: try ManifestFixture(moved).load(), observed: ["h": state])
        guard case .updateDomain(let patch)? = movePlan.step(id: "update-domain:h/domain/web")?.action else {
            Issue.record("expected update-domain: \(movePlan.steps.map(\.id))")
            return
        }
        #expect(patch.changedInterfaces == [DomainDefinition.Interface(network: "lab2", mac: "52:54:00:12:34:57")])
        #expect(patch.addedInterfaces.isEmpty && patch.addedDisks.isEmpty && patch.changedDisks.isEmpty)
        #expect(movePlan.resources.first { $0.address.kind == .domain }?.fields.first
                == FieldChange(field: "networks[0]", before: "bridge br9 (52:54:00:12:34:57)", after: "lab2 (52:54:00:12:34:57)"))
    }
}
