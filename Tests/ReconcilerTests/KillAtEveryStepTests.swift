import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// `kill -9` of apply at every boundary between changes, on libvirt's test driver: the change is
/// either lost or made, the journal is as the SIGKILL left it, and a fresh engine (a new process, as
/// far as the journal knows) must say what it finishes, converge, and leave no orphan.
@Suite("Apply killed at every step boundary")
struct KillAtEveryStepTests {
    struct Run {
        let uri: String
        let hypervisor: LibvirtHypervisor
        let stateDirectory: URL

        init() async throws {
            uri = try TestDriverNode.write()
            hypervisor = try await LibvirtHypervisor.connect(uri: uri)
            stateDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-kill-\(UUID().uuidString)")
        }

        var journalPath: URL { stateDirectory.appendingPathComponent("journal.jsonl") }

        func engine(_ hypervisor: any Hypervisor) -> Engine {
            var engine = Engine(connector: FixedConnector(hypervisor: hypervisor))
            engine.journal = ApplyJournal(directory: stateDirectory)
            return engine
        }

        /// Plan and apply as `reconcile apply` does, one step at a time so the kill point is exact.
        /// `finish` is what a process that was not killed does at its end.
        func apply(_ engine: Engine, _ text: String, finish: Bool) async throws -> (Plan, Engine.ApplyResult) {
            let set = try ManifestFixture(text).load().connecting(to: uri)
            let connected = try await engine.connect(set)
            // As the CLI does: the journal is opened (under the state directory's lock) before planning.
            try engine.journal?.begin(identity: .current)
            let plan = try await engine.plan(set, connected: connected, options: PlanOptions())
            let result = try await engine.apply(plan, manifests: set, connected: connected, options: PlanOptions(),
                                                executor: Executor(parallelism: 1, shutdownTimeout: .seconds(1))) { _ in }
            if finish { try engine.journal?.finish(converged: result.converged) }
            return (plan, result)
        }
    }

    static let manifests = TestDriverTests.manifests()
    /// The killed "process": no process has this pid, so `plan` counts its run as interrupted.
    static let deadProcess = LockIdentity(user: "root", machine: "ctl1", pid: Int32.max)
    static let withoutScratch = TestDriverTests.manifests(extraVM: false)

    /// How many changes a full, uninterrupted apply makes: the boundaries to kill at.
    static func changesOfFullApply() async throws -> Int {
        let run = try await Run()
        let counting = CrashingHypervisor(run.hypervisor, killAt: Int.max, effectLands: true, journal: run.journalPath)
        let (_, result) = try await run.apply(run.engine(counting), manifests, finish: true)
        #expect(result.converged)
        return counting.changes
    }

    /// Kills the first apply at change `killAt`, then applies `recovery` in a "new process".
    static func killAndRecover(killAt: Int, effectLands: Bool, recovery: String) async throws {
        let run = try await Run()
        let crashing = CrashingHypervisor(run.hypervisor, killAt: killAt, effectLands: effectLands, journal: run.journalPath)
        _ = try await run.apply(run.engine(crashing), manifests, finish: false)
        let journalAtDeath = try #require(crashing.journalAtDeath, "change \(killAt) never came")
        try journalAtDeath.write(to: run.journalPath)

        let (plan, result) = try await run.apply(run.engine(run.hypervisor), recovery, finish: true)
        let label = "killed at change \(killAt) (\(effectLands ? "after" : "before") it took effect)"
        #expect(plan.notices.contains { $0.english.contains("was interrupted during") }, "\(label): no notice in \(plan.notices)")
        #expect(result.converged, "\(label): remaining \(result.remaining.steps.map(\.id)), failed \(result.report.failed)")
        #expect(try Data(contentsOf: run.journalPath).isEmpty, "\(label): the journal of a converged apply is emptied")

        // No orphan: every volume in the pool is declared, or belongs to a domain reconcile manages.
        let state = try await run.hypervisor.observe()
        let set = try ManifestFixture(recovery).load()
        let declared = Set(set.virtualMachines.flatMap { vm in vm.disks.map { $0.volumeName(vm: vm.name) } })
        let owned = Set(state.domains.flatMap { ($0.ownership?.volumes ?? []).map(\.name) })
        let orphans = state.volumes.filter { $0.pool == "lab-pool" && !declared.contains($0.name) && !owned.contains($0.name) }
        #expect(orphans.isEmpty, "\(label): orphan volumes \(orphans.map(\.name))")
        let domains = Set(state.domains.map(\.name))
        #expect(domains.isSubset(of: Set(set.virtualMachines.map(\.name) + ["test", "scratch"])), "\(label): \(domains)")
        // A domain it defined and recorded is managed: with it undeclared, only --prune deletes it.
        for domain in state.domains where domain.name == "scratch" {
            #expect(domain.ownership != nil, "\(label): scratch is defined but not recorded as reconcile's")
        }
        #expect(!state.networks.contains { $0.name == LockNetworkXML.name })
    }

    @Test("the next apply finishes the run, whatever change it was killed at, and converges with no orphan")
    func everyBoundarySameManifests() async throws {
        let total = try await Self.changesOfFullApply()
        #expect(total >= 15)
        let clock = ContinuousClock()
        let start = clock.now
        for killAt in 1...total {
            for effectLands in [false, true] {
                try await Self.killAndRecover(killAt: killAt, effectLands: effectLands, recovery: Self.manifests)
            }
        }
        print("kill-at-every-boundary (test driver): \(total) changes × 2 = \(total * 2) kills in \(clock.now - start)")
    }

    @Test("a VM dropped from the manifests after the kill leaves none of its half-built volumes behind")
    func everyBoundaryVMDropped() async throws {
        let total = try await Self.changesOfFullApply()
        for killAt in 1...total {
            for effectLands in [false, true] {
                try await Self.killAndRecover(killAt: killAt, effectLands: effectLands, recovery: Self.withoutScratch)
            }
        }
    }

    @Test("a volume the killed run was still writing is deleted and created again, before the domain uses it")
    func halfWrittenVolumeIsRecreated() async throws {
        let run = try await Run()
        let pool = Manifests.join(Manifests.document("StoragePool", "lab-pool", "path: /var/lib/libvirt/images/lab"))
        _ = try await run.apply(run.engine(run.hypervisor), pool, finish: true)
        // A run killed while create-volume for web's root disk was writing it.
        let definition = VolumeDefinition(pool: "lab-pool", name: "web-root.qcow2", capacity: 1 << 30, format: .qcow2)
        try await run.hypervisor.createVolume(definition)
        let killed = ApplyJournal(directory: run.stateDirectory)
        try killed.begin(identity: Self.deadProcess)
        let address = ResourceAddress.volume(hypervisor: "local", pool: "lab-pool", name: "web-root.qcow2")
        try killed.record(.started(Step(resource: address, action: .createVolume(definition), reason: "")))

        let set = try ManifestFixture(Self.manifests).load().connecting(to: run.uri)
        let engine = run.engine(run.hypervisor)
        let plan = try await engine.plan(set, connected: try await engine.connect(set), options: PlanOptions())
        let delete = try #require(plan.steps.first { $0.kind == .deleteVolume })
        #expect(delete.resource.name == "lab-pool/web-root.qcow2")
        let create = try #require(plan.steps.first { $0.kind == .createVolume && $0.resource == delete.resource })
        #expect(create.dependsOn.contains(delete.id))
        #expect(plan.resources.contains { $0.address == delete.resource && $0.change == .replace })
        #expect(plan.notices.contains { $0.english.contains("was interrupted during create-volume:") })

        // Without the journal, the same host plans the volume as finished: the hole the journal closes.
        var unjournaled = Engine(connector: FixedConnector(hypervisor: run.hypervisor))
        unjournaled.journal = nil
        let blind = try await unjournaled.plan(set, connected: try await unjournaled.connect(set), options: PlanOptions())
        #expect(!blind.steps.contains { $0.kind == .createVolume && $0.resource == address })
    }
}
