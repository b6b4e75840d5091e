import Testing
import Localization
@testable import Reconciler
@testable import Spec

/// Planning guests built from a Distribution, with the outside facts (image digests, cache, seed
/// digests) given as plain values. The real end-to-end test (scripts/e2e-guest.sh) boots one.
@Suite("Planner: guests from cloud images")
struct ProvisioningPlannerTests {
    static let digest = "sha256:" + String(repeating: "a", count: 64)
    static let newer = "sha256:" + String(repeating: "b", count: 64)
    static let seed = "sha256:" + String(repeating: "c", count: 64)

    static func manifests(agentPort: Int = 8443) -> String {
        Manifests.join(
            Manifests.document("Hypervisor", "h", "uri: test:///default"),
            Manifests.document("Network", "lab", "mode: isolated"),
            Manifests.document("StoragePool", "images", "path: /srv/images"),
            Manifests.document("Distribution", "deb", "family: debian\ncloudImage: {url: 'https://example.invalid/d.qcow2', checksumURL: 'https://example.invalid/SUMS'}\nagentInstall: ['apt-get install -y agent']"),
            Manifests.document("VirtualMachine", "web", "disks: [{name: root, from: deb, size: 8GiB, deleteWithVM: true}]\nnetworks: [lab]\nagent: {server: {url: sm.example.invalid, port: \(agentPort)}}"))
    }

    static func facts(digest: String = digest, cached: Bool = false) -> ProvisioningFacts {
        var facts = ProvisioningFacts()
        facts.digests[ProvisioningFacts.key(distribution: "deb", role: .disk)] = digest
        if cached { facts.cached.insert(digest) }
        facts.seedDigests["h/web"] = seed
        return facts
    }

    @Test("a new guest: download, upload, overlay, seed, define, start, wait for IP and SSH, install the agent")
    func newGuest() throws {
        let set = try ManifestFixture(Self.manifests()).load()
        let plan = Planner().plan(manifests: set, observed: ["h": FakeHypervisor().current], facts: Self.facts())
        let base = "base-sha256-\(String(repeating: "a", count: 64)).qcow2"
        #expect(plan.steps.filter { [.downloadImage, .uploadImage, .createSeed, .createVolume, .defineDomain, .startDomain, .waitForIP, .waitForSSH, .installAgent].contains($0.kind) }.map(\.kind) == [
            .downloadImage, .uploadImage, .createSeed, .createVolume, .defineDomain, .startDomain, .waitForIP, .waitForSSH, .installAgent,
        ])
        let upload = try #require(plan.step(id: "upload-image:h/volume/images/\(base)"))
        #expect(Set(upload.dependsOn) == ["download-image:h/image/deb/disk", "start-pool:h/pool/images"])
        let overlay = try #require(plan.steps.first { $0.kind == .createVolume })
        guard case .createVolume(let volume) = overlay.action else { return }
        #expect(volume.backingPath == "/srv/images/\(base)")
        #expect(volume.capacity == 8 << 30)
        #expect(overlay.dependsOn.contains(upload.id))
        let define = try #require(plan.step(id: "define-domain:h/domain/web"))
        guard case .defineDomain(let domain) = define.action else { return }
        #expect(domain.seedPath == "/srv/images/web-seed-cccccccccccccccc.iso")
        #expect(domain.ownership.baseImage == Self.digest && domain.ownership.seed == Self.seed)
        #expect(domain.interfaces.first?.mac?.hasPrefix("52:54:00:") == true, "a provisioned guest's MAC is known before define")
        #expect(plan.step(id: "install-agent:h/domain/web")?.dependsOn == ["wait-for-ssh:h/domain/web"])
        let seedStep = try #require(plan.steps.first { $0.kind == .createSeed })
        #expect(seedStep.dependsOn.contains(upload.id), "a failed image leaves no seed behind")
        #expect(plan.step(id: "wait-for-ip:h/domain/web")?.dependsOn == ["start-domain:h/domain/web"])
        let text = PlanTextRenderer().render(plan)
        #expect(text.contains("(secrets redacted)"))
    }

    @Test("no ISO builder on this machine blocks the plan, with a hint")
    func noISOBuilder() throws {
        let set = try ManifestFixture(Self.manifests()).load()
        var facts = Self.facts()
        facts.seedBuilderProblem = LocalizedMessage("provisioning.noISOBuilder")
        let plan = Planner().plan(manifests: set, observed: ["h": FakeHypervisor().current], facts: facts)
        let blocker = try #require(plan.blockers.first)
        #expect(blocker.hypervisor == "h")
        #expect(blocker.hint.english.contains("xorriso"))
        #expect(PlanTextRenderer().render(plan).contains("neither xorriso nor genisoimage"))
    }

    @Test("a cached image is not downloaded again, and a base already in the pool is not uploaded again")
    func cachedAndUploaded() throws {
        let set = try ManifestFixture(Self.manifests()).load()
        var state = FakeHypervisor().current
        let cachedPlan = Planner().plan(manifests: set, observed: ["h": state], facts: Self.facts(cached: true))
        #expect(!cachedPlan.steps.contains { $0.kind == .downloadImage })
        #expect(cachedPlan.steps.contains { $0.kind == .uploadImage })
        state.pools.append(ObservedPool(name: "images", type: "dir", path: "/srv/images", active: true, autostart: true))
        state.volumes.append(ObservedVolume(pool: "images", name: "base-sha256-\(String(repeating: "a", count: 64)).qcow2",
                                            path: "/srv/images/base", capacity: 2 << 30, format: "qcow2"))
        let uploadedPlan = Planner().plan(manifests: set, observed: ["h": state], facts: Self.facts())
        #expect(!uploadedPlan.steps.contains { $0.kind == .downloadImage || $0.kind == .uploadImage })
    }

    @Test("a base image left short by an interrupted upload is replaced, a complete one is kept")
    func interruptedUpload() throws {
        let set = try ManifestFixture(Self.manifests()).load()
        var state = FakeHypervisor().current
        state.pools.append(ObservedPool(name: "images", type: "dir", path: "/srv/images", active: true, autostart: true))
        let base = "base-sha256-\(String(repeating: "a", count: 64)).qcow2"
        state.volumes.append(ObservedVolume(pool: "images", name: base, path: "/srv/images/\(base)", capacity: 2 << 30,
                                            format: "qcow2", physicalSize: 1000))
        var facts = Self.facts(cached: true)
        facts.cachedSizes[Self.digest] = 5000
        let plan = Planner().plan(manifests: set, observed: ["h": state], facts: facts)
        let upload = try #require(plan.step(id: "upload-image:h/volume/images/\(base)"))
        #expect(upload.dependsOn.contains("delete-volume:h/volume/images/\(base)"))
        #expect(plan.resources.first { $0.address.name == "images/\(base)" }?.change == .replace)
        var inUse = state
        inUse.domains.append(ObservedDomain(name: "older", type: "qemu", vcpus: 1, memoryKiB: 1 << 20, state: .running,
                                            autostart: false, ownership: Ownership(name: "older", specHash: "", baseImage: Self.digest)))
        let guarded = Planner().plan(manifests: set, observed: ["h": inUse], facts: facts)
        #expect(!guarded.steps.contains { $0.kind == .deleteVolume }, "a base a guest boots from is never deleted")
        #expect(guarded.notices.contains { $0.english.contains("older uses it") })
        facts.cachedSizes[Self.digest] = 1000
        let complete = Planner().plan(manifests: set, observed: ["h": state], facts: facts)
        #expect(!complete.steps.contains { $0.kind == .uploadImage || $0.kind == .deleteVolume })
    }

    /// Applies the plan to the in-memory host, marking the agent installed, as a real run would.
    func converged() async throws -> (ManifestSet, FakeHypervisor) {
        let set = try ManifestFixture(Self.manifests()).load()
        let fake = FakeHypervisor()
        let plan = Planner().plan(manifests: set, observed: ["h": fake.current], facts: Self.facts())
        let libvirtOnly = Plan(targets: plan.targets, steps: plan.steps.filter { ![.downloadImage, .uploadImage, .createSeed, .waitForIP, .waitForSSH, .installAgent].contains($0.kind) }.map { step in
            var step = step
            step.dependsOn = step.dependsOn.filter { id in plan.step(id: id).map { ![.downloadImage, .uploadImage, .createSeed].contains($0.kind) } ?? false }
            return step
        })
        let report = await Executor().run(libvirtOnly, on: ["h": HostConnection(hypervisor: fake)])
        #expect(report.allSucceeded)
        guard case .installAgent(_, let request) = plan.step(id: "install-agent:h/domain/web")?.action else {
            Issue.record("no install-agent step")
            return (set, fake)
        }
        try await fake.recordOwnership(request.ownership, onDomain: "web")
        fake.drift { state in
            state.domains[0].state = .running
            state.domains[0].ownership?.agent = request.hash
        }
        return (set, fake)
    }

    @Test("a provisioned guest with its agent plans nothing; a newer image is only a notice")
    func convergedGuest() async throws {
        let (set, fake) = try await converged()
        var withImageState = fake.current
        withImageState.volumes.append(ObservedVolume(pool: "images", name: "base-sha256-\(String(repeating: "a", count: 64)).qcow2",
                                                     path: "/srv/images/base", capacity: 2 << 30, format: "qcow2"))
        let plan = Planner().plan(manifests: set, observed: ["h": fake.current], facts: Self.facts())
        #expect(plan.steps.isEmpty, "\(plan.steps.map(\.id))")
        let newer = Planner().plan(manifests: set, observed: ["h": fake.current], facts: Self.facts(digest: Self.newer))
        #expect(newer.steps.isEmpty)
        #expect(newer.notices.contains { $0.english.contains("a newer image of deb") && $0.english.contains("--replace web") })
    }

    @Test("a changed agent configuration re-configures only")
    func agentReconfigure() async throws {
        let (_, fake) = try await converged()
        let changed = try ManifestFixture(Self.manifests(agentPort: 9443)).load()
        let plan = Planner().plan(manifests: changed, observed: ["h": fake.current], facts: Self.facts())
        #expect(plan.steps.map(\.kind) == [.waitForIP, .waitForSSH, .installAgent])
        guard case .installAgent(_, let request) = plan.step(id: "install-agent:h/domain/web")?.action else {
            Issue.record("no install-agent step")
            return
        }
        #expect(request.installCommands.isEmpty)
        #expect(plan.step(id: "install-agent:h/domain/web")?.reason.english == "agent configuration changed: re-configure only")
    }

    @Test("--replace rebuilds the guest from its image as one -/+ block, keeping data disks")
    func replace() async throws {
        let (set, fake) = try await converged()
        let plan = Planner(options: PlanOptions(replace: ["web"])).plan(manifests: set, observed: ["h": fake.current], facts: Self.facts())
        let block = try #require(plan.resources.first { $0.address.kind == .domain })
        #expect(block.change == .replace)
        let define = try #require(plan.step(id: "define-domain:h/domain/web"))
        #expect(define.dependsOn.contains("undefine-domain:h/domain/web"))
        let overlay = try #require(plan.step(id: "create-volume:h/volume/images/web-root.qcow2"))
        #expect(overlay.dependsOn.contains("delete-volume:h/volume/images/web-root.qcow2"))
        #expect(PlanTextRenderer().render(plan).contains("-/+ virtual machine \"web\""))
    }
}
