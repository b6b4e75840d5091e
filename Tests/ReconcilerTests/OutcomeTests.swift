import Foundation
import Testing
@testable import Reconciler
@testable import Spec

/// What is left alone is never reported as converged, and a disk another guest uses is never
/// defined twice nor deleted.
@Suite("Honest outcomes and disks in use")
struct OutcomeTests {
    static func domain(_ name: String, disks: [String], managed: Bool = false) -> ObservedDomain {
        ObservedDomain(name: name, type: "qemu", vcpus: 1, memoryKiB: 1024,
                       disks: disks.enumerated().map { index, source in
                           ObservedDomain.Disk(source: source, target: "vd\(index)", bus: "virtio", format: "qcow2")
                       },
                       state: .running, autostart: false,
                       ownership: managed ? Ownership(name: name, specHash: "x") : nil)
    }

    /// PlannerTests' host, converged, with `web` declared and a plain unmanaged domain `other`.
    static func convergedHost() async throws -> (ManifestSet, FakeHypervisor) {
        let set = try ManifestFixture(PlannerTests.manifests).load()
        let fake = FakeHypervisor()
        let engine = Engine(connector: FixedConnector(hypervisor: fake))
        let connected = try await engine.connect(set)
        let plan = try await engine.plan(set, connected: connected, options: PlanOptions())
        let result = try await engine.apply(plan, manifests: set, connected: connected, options: PlanOptions(),
                                            executor: Executor(), events: { _ in })
        #expect(result.converged)
        return (set, fake)
    }

    @Test("a conflict with nothing to change is not converged: plan text, JSON and apply all say so")
    func conflictIsNotConverged() async throws {
        let set = try ManifestFixture(Manifests.join(
            Manifests.document("Hypervisor", "h", "uri: test:///default"),
            Manifests.document("VirtualMachine", "web", "memory: 1GiB"))).load()
        let fake = FakeHypervisor()
        fake.drift { $0.domains = [Self.domain("web", disks: [])] }
        let engine = Engine(connector: FixedConnector(hypervisor: fake))
        let connected = try await engine.connect(set)
        let plan = try await engine.plan(set, connected: connected, options: PlanOptions())
        #expect(plan.steps.isEmpty)
        #expect(plan.conflicts.map(\.cause) == [.conflict])
        #expect(!plan.isConverged && plan.leavesSomethingAlone)
        #expect(plan.leftAloneSummary == "1 resource left alone (1 conflict)")

        let text = PlanTextRenderer().render(plan)
        #expect(!text.contains("The hosts match the manifests"))
        #expect(text.hasSuffix("No changes planned, but the hosts do not match the manifests: 1 resource left alone (1 conflict), listed above.\n"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(PlanJSONRenderer().render(plan).utf8)) as? [String: Any])
        #expect(json["converged"] as? Bool == false)
        let conflicts = try #require(json["conflicts"] as? [[String: Any]])
        #expect(conflicts.first?["resource"] as? String == "h/domain/web")
        #expect(conflicts.first?["cause"] as? String == "conflict")

        let result = try await engine.apply(plan, manifests: set, connected: connected, options: PlanOptions(),
                                            executor: Executor(), events: { _ in })
        #expect(result.report.allSucceeded && !result.remaining.hasChanges)
        #expect(!result.converged, "a conflict-only plan after apply is not converged")
    }

    @Test("an image that cannot be resolved is counted apart from conflicts")
    func unreachableImage() throws {
        let set = try ManifestFixture(Manifests.join(
            ProvisioningPlannerTests.manifests(),
            Manifests.document("VirtualMachine", "db", "memory: 1GiB"))).load()
        var facts = ProvisioningFacts()
        facts.seedDigests["h/web"] = ProvisioningPlannerTests.seed
        facts.failures[ProvisioningFacts.key(distribution: "deb", role: .disk)] = "cannot reach https://example.invalid/SUMS: host not found"
        var state = FakeHypervisor().current
        state.domains = [Self.domain("db", disks: [])]
        let plan = Planner().plan(manifests: set, observed: ["h": state], facts: facts)
        #expect(Set(plan.conflicts.map(\.cause)) == [.conflict, .unreachableImage])
        #expect(plan.step(id: "define-domain:h/domain/web") == nil)
        #expect(plan.leftAloneSummary == "2 resources left alone (1 conflict, 1 unreachable image)")
        let text = PlanTextRenderer().render(plan)
        #expect(text.contains("cannot resolve the disk image of deb: cannot reach https://example.invalid/SUMS: host not found"))
        #expect(text.contains("Apply cannot converge: 2 resources left alone (1 conflict, 1 unreachable image), listed above."))
    }

    @Test("a declared disk another domain uses by file path is a conflict, and the VM is not defined")
    func newVMDiskUsedByFile() throws {
        let set = try ManifestFixture(PlannerTests.manifests).load()
        var state = FakeHypervisor().current
        state.domains = [Self.domain("intruder", disks: ["/srv/images/web-root.qcow2"])]
        let plan = Planner().plan(manifests: set, observed: ["h": state])
        #expect(plan.conflicts.map(\.message.english) == ["volume images/web-root.qcow2 is already used by virtual machine 'intruder'"])
        #expect(plan.conflicts.first?.address.description == "h/volume/images/web-root.qcow2")
        #expect(!plan.steps.contains { $0.resource.description == "h/domain/web" || $0.kind == .createVolume })
    }

    @Test("a declared disk another domain uses as <source pool= volume=> is a conflict too")
    func existingVMDiskUsedByPoolVolume() async throws {
        let (set, fake) = try await Self.convergedHost()
        // The intruder names the volume by pool and name (type='volume'), and web's memory drifted:
        // web is left alone, not updated.
        fake.drift { state in
            state.domains.append(Self.domain("intruder", disks: ["images/web-root.qcow2"]))
            state.domains[0].memoryKiB = 1024
        }
        let plan = Planner().plan(manifests: set, observed: ["h": fake.current])
        #expect(plan.conflicts.map(\.message.english) == ["volume images/web-root.qcow2 is already used by virtual machine 'intruder'"])
        #expect(!plan.steps.contains { $0.resource.description == "h/domain/web" })
        #expect(!plan.isConverged)
    }

    @Test("a deleteWithVM volume another domain uses is not deleted, whether it names it by path or by pool/volume")
    func deletionSkipsVolumesInUse() async throws {
        for source in ["/srv/images/web-root.qcow2", "images/web-root.qcow2"] {
            let (_, fake) = try await Self.convergedHost()
            fake.drift { $0.domains.append(Self.domain("clone", disks: [source])) }
            let withoutWeb = try ManifestFixture(Manifests.join(
                Manifests.document("Hypervisor", "h", "uri: test:///default"),
                Manifests.document("Network", "lab", "ipv4: {address: 192.168.50.1, prefix: 24, dhcp: {start: 192.168.50.10, end: 192.168.50.99}}"),
                Manifests.document("StoragePool", "images", "path: /srv/images"))).load()
            let plan = Planner(options: PlanOptions(prune: true)).plan(manifests: withoutWeb, observed: ["h": fake.current])
            #expect(plan.step(id: "undefine-domain:h/domain/web") != nil)
            #expect(!plan.steps.contains { $0.kind == .deleteVolume }, "source \(source)")
            #expect(plan.notices.map(\.english).contains("volume images/web-root.qcow2 of 'web' is not deleted: virtual machine 'clone' still uses it"))
        }
    }

    @Test("a volume shared with another domain deleted in the same plan is deleted after both are gone")
    func deletionWaitsForOtherUser() async throws {
        let (_, fake) = try await Self.convergedHost()
        fake.drift { $0.domains.insert(Self.domain("a-clone", disks: ["/srv/images/web-root.qcow2"], managed: true), at: 0) }
        let empty = try ManifestFixture(Manifests.document("Hypervisor", "h", "uri: test:///default") + "\n").load()
        let plan = Planner(options: PlanOptions(prune: true)).plan(manifests: empty, observed: ["h": fake.current])
        let delete = try #require(plan.step(id: "delete-volume:h/volume/images/web-root.qcow2"))
        #expect(Set(delete.dependsOn) == ["undefine-domain:h/domain/web", "undefine-domain:h/domain/a-clone"])
    }

    @Test("the index finds a volume's users by path and by pool/volume, in host order")
    func diskUsers() {
        var state = HostState(capabilities: HostCapabilities(domainTypes: ["qemu"], arch: "x86_64"))
        state.domains = [
            Self.domain("by-name", disks: ["p/v"]),
            Self.domain("owner", disks: ["/p/v"]),
            Self.domain("by-path", disks: ["/p/v", "p/v"]),
            Self.domain("other", disks: ["/p/w", "q/v"]),
        ]
        let index = IndexedHostState(state)
        #expect(index.diskUsers(ofVolume: "v", pool: "p", path: "/p/v", except: "owner").map(\.name) == ["by-name", "by-path"])
        #expect(index.diskUsers(ofVolume: "v", pool: "p", path: nil, except: "owner").map(\.name) == ["by-name", "by-path"])
        #expect(index.diskUsers(ofVolume: "w", pool: "p", path: "/p/w", except: "x").map(\.name) == ["other"])
        #expect(index.diskUsers(ofVolume: "x", pool: "p", path: "/p/x", except: "x").isEmpty)
    }
}
