import CLibvirt
import Foundation
import Synchronization
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// End to end against libvirt's built-in test driver: the real C API, no daemon. Each test loads its
/// own node file (test:///default is shared by every connection in a process) and keeps one
/// connection for all its passes, since the state lives in the connection.
@Suite("Against libvirt's test driver")
struct TestDriverTests {
    struct Pass {
        var plan: Plan
        var result: Engine.ApplyResult?
    }

    final class Harness: Sendable {
        let hypervisor: LibvirtHypervisor
        let engine: Engine
        let executed = Mutex<[StepKind]>([])

        let uri: String

        init(node: String = TestDriverNode.xml) async throws {
            uri = try TestDriverNode.write(node)
            hypervisor = try await LibvirtHypervisor.connect(uri: uri)
            engine = Engine(connector: FixedConnector(hypervisor: hypervisor))
        }

        func load(_ text: String) throws -> ManifestSet {
            try ManifestFixture(text).load().connecting(to: uri)
        }

        func plan(_ text: String, prune: Bool = false) async throws -> Plan {
            let set = try load(text)
            return try await engine.plan(set, connected: try await engine.connect(set), options: PlanOptions(prune: prune))
        }

        func apply(_ text: String, prune: Bool = false) async throws -> Engine.ApplyResult {
            let set = try load(text)
            let connected = try await engine.connect(set)
            let options = PlanOptions(prune: prune)
            let plan = try await engine.plan(set, connected: connected, options: options)
            let result = try await engine.apply(plan, manifests: set, connected: connected, options: options,
                                                executor: Executor(parallelism: 4, shutdownTimeout: .seconds(5))) { event in
                if case .succeeded(let step, _, _) = event { self.executed.withLock { $0.append(step.kind) } }
            }
            return result
        }

        /// Edits a domain's persistent XML behind reconcile's back, as `virsh edit` would.
        func editDomain(_ name: String, _ edit: (String) -> String) throws {
            let domain = try #require(try hypervisor.connection.domain(named: name))
            _ = try hypervisor.connection.defineDomain(xml: edit(try domain.xml(inactive: true)))
        }
    }

    static func manifests(memory: String = "1GiB", vmState: String = "running", diskSize: String = "10GiB",
                          backendActive: Bool = true, backendAddress: String = "10.77.0.1",
                          extraVM: Bool = true) -> String {
        var documents = [
            Manifests.document("Network", "lab", "bridge: virbr-lab\nipv4: {address: 192.168.150.1, prefix: 24, dhcp: {start: 192.168.150.100, end: 192.168.150.200}}"),
            Manifests.document("Network", "backend", "mode: isolated\nautostart: false\nactive: \(backendActive)\nipv4: {address: \(backendAddress), prefix: 24}"),
            Manifests.document("StoragePool", "lab-pool", "path: /var/lib/libvirt/images/lab"),
            Manifests.document("VirtualMachine", "web", "cpus: 2\nmemory: \(memory)\nstate: \(vmState)\nautostart: true\ndisks: [{name: root, size: \(diskSize)}]\nnetworks: [lab, {network: backend, mac: '52:54:00:aa:bb:01'}]"),
        ]
        if extraVM {
            documents.append(Manifests.document("VirtualMachine", "scratch", "memory: 512MiB\ndisks: [{name: root, size: 1GiB, deleteWithVM: true}, {name: keep, size: 1GiB}]\nnetworks: [backend]"))
        }
        return documents.joined(separator: "\n---\n") + "\n"
    }

    @Test("apply converges, repeats as a no-op, fixes drift, follows manifest changes and prunes: every step kind")
    func lifecycle() async throws {
        let harness = try await Harness()

        let first = try await harness.apply(Self.manifests())
        #expect(first.converged, "remaining: \(first.remaining.steps.map(\.id)), failed: \(first.report.failed)")
        #expect(first.report.succeeded == 17)
        #expect(try await harness.plan(Self.manifests()).steps.isEmpty)
        let observed = try await harness.hypervisor.observe()
        let web = try #require(observed.domain(named: "web"))
        #expect(web.state == .running && web.autostart && web.ownership?.name == "web")
        #expect(web.interfaces.map(\.source) == ["lab", "backend"])
        #expect(web.interfaces[1].mac == "52:54:00:aa:bb:01")
        #expect(observed.network(named: "lab")?.ownership != nil)

        // Drift: memory edited, autostart turned off, a network stopped, all behind reconcile's back.
        try harness.editDomain("web") { $0.replacingOccurrences(of: ">1048576<", with: ">524288<") }
        try #require(try harness.hypervisor.connection.domain(named: "web")).setAutostart(false)
        try #require(try harness.hypervisor.connection.network(named: "lab")).destroy()
        let drift = try await harness.plan(Self.manifests())
        let domainChange = try #require(drift.resources.first { $0.address.name == "web" })
        #expect(domainChange.fields == [
            FieldChange(field: "memory", before: "512MiB", after: "1GiB").timed(.nextBoot),
            FieldChange(field: "autostart", before: false, after: true),
        ])
        #expect(domainChange.notes.contains { $0.english.contains("next boot") })
        #expect(Set(drift.steps.map(\.kind)) == [.updateDomain, .setDomainAutostart, .startNetwork])
        #expect(drift.step(id: "update-domain:local/domain/web")?.reason.english == "changed outside reconcile (drift)")
        let fixed = try await harness.apply(Self.manifests())
        #expect(fixed.converged)

        // Manifest changes: the backend network readdressed and deactivated, the VM given more memory
        // (patched, then reconcile's metadata recorded alone) and stopped.
        // (The test driver cannot resize volumes: the real-libvirtd test covers resize-volume.)
        let changed = Self.manifests(memory: "2GiB", vmState: "stopped", backendActive: false, backendAddress: "10.78.0.1")
        let changePlan = try await harness.plan(changed)
        #expect(Set(changePlan.steps.map(\.kind)) == [.updateNetwork, .shutdownDomain, .stopNetwork, .updateDomain, .recordOwnership])
        #expect(changePlan.step(id: "record-ownership:local/domain/web")?.dependsOn == ["update-domain:local/domain/web"])
        let applied = try await harness.apply(changed)
        #expect(applied.converged, "remaining: \(applied.remaining.steps.map(\.id))")
        #expect(try await harness.hypervisor.observe().domain(named: "web")?.state == .shutoff)

        // Prune: 'scratch' leaves the manifests; only its deleteWithVM volume goes with it.
        let pruned = Self.manifests(memory: "2GiB", vmState: "stopped", backendActive: false, backendAddress: "10.78.0.1", extraVM: false)
        let withoutPrune = try await harness.plan(pruned)
        #expect(withoutPrune.steps.isEmpty)
        #expect(withoutPrune.notices.contains { $0.english.contains("'scratch'") })
        let prunePlan = try await harness.plan(pruned, prune: true)
        #expect(prunePlan.steps.map(\.id) == [
            "shutdown-domain:local/domain/scratch", "undefine-domain:local/domain/scratch",
            "delete-volume:local/volume/lab-pool/scratch-root.qcow2",
        ])
        #expect(prunePlan.notices.contains { $0.english.contains("lab-pool/scratch-keep.qcow2") })
        #expect(try await harness.apply(pruned, prune: true).converged)
        let afterPrune = try await harness.hypervisor.observe()
        #expect(afterPrune.domain(named: "scratch") == nil)
        #expect(afterPrune.volume(pool: "lab-pool", name: "scratch-root.qcow2") == nil)
        #expect(afterPrune.volume(pool: "lab-pool", name: "scratch-keep.qcow2") != nil)

        // A whole manifest gone: the network and the VM it held are pruned.
        let onlyLab = Manifests.join(
            Manifests.document("Network", "lab", "bridge: virbr-lab\nipv4: {address: 192.168.150.1, prefix: 24, dhcp: {start: 192.168.150.100, end: 192.168.150.200}}"),
            Manifests.document("StoragePool", "lab-pool", "path: /var/lib/libvirt/images/lab"))
        #expect(try await harness.apply(onlyLab, prune: true).converged)
        let empty = try await harness.hypervisor.observe()
        #expect(empty.network(named: "backend") == nil && empty.domain(named: "web") == nil)
        #expect(empty.domain(named: "test") != nil, "the test driver's own domain is not reconcile's to delete")

        let executed = Set(harness.executed.withLock { $0 })
        // Guest provisioning steps need a booting guest: the real end-to-end test covers them.
        // Host-level kinds change the machine, not libvirt: the HostSystem tests cover them.
        let provisioning: Set<StepKind> = [.downloadImage, .uploadImage, .createSeed, .waitForIP, .waitForSSH, .installAgent]
        // Snapshot steps run on this driver in SnapshotTests (create, prune, revert).
        let snapshots: Set<StepKind> = [.createSnapshot, .deleteSnapshot, .revertSnapshot]
        // apply-live runs on this driver in LiveChangeTests.testDriverLiveChanges; detach-device (hot-unplug)
        // needs virDomainDetachDeviceFlags, which this driver lacks: RealLibvirtTests+Devices runs it.
        let libvirtKinds = Set(StepKind.allCases.filter { !$0.isHostLevel }).subtracting(provisioning).subtracting(snapshots)
            .subtracting([.applyLive, .detachDevice])
        #expect(executed == libvirtKinds.subtracting([.resizeVolume]), "never executed: \(libvirtKinds.subtracting(executed).map(\.rawValue).sorted())")
    }

    @Test("existing objects reconcile did not create are conflicts until adopted")
    func conflictsAndAdoption() async throws {
        let harness = try await Harness()
        let text = Manifests.join(
            Manifests.document("Network", "default", "bridge: virbr0\nipv4: {address: 192.168.122.1, prefix: 24, dhcp: {start: 192.168.122.2, end: 192.168.122.254}}\nautostart: false"),
            Manifests.document("VirtualMachine", "test", "memory: 1GiB\nnetworks: [default]"))
        let plan = try await harness.plan(text)
        #expect(plan.conflicts.map(\.address.description).sorted() == ["local/domain/test", "local/network/default"])
        #expect(plan.steps.isEmpty)
        #expect(PlanTextRenderer().render(plan).contains("hint: set metadata.adopt: true"))

        // The test driver reports only the live definition: adopt the network while it is stopped,
        // so the redefinition is visible at once.
        try #require(try harness.hypervisor.connection.network(named: "default")).destroy()
        let adopted = text.replacingOccurrences(of: "name: default", with: "name: default\n  adopt: true")
        let adoptPlan = try await harness.plan(adopted)
        #expect(adoptPlan.conflicts.map(\.address.description) == ["local/domain/test"])
        #expect(adoptPlan.steps.map(\.kind) == [.updateNetwork, .startNetwork])
        #expect(try await harness.apply(adopted).report.allSucceeded)
        #expect(try await harness.hypervisor.observe().network(named: "default")?.ownership?.name == "default")
        #expect(try await harness.plan(adopted).steps.isEmpty)
    }

    @Test("a failing step reports libvirt's message, skips its dependents, lets the rest finish")
    func failedStep() async throws {
        let harness = try await Harness()
        // libvirt itself refuses a second pool on the directory of an existing one.
        let text = Manifests.join(
            Manifests.document("Network", "lab", "mode: isolated"),
            Manifests.document("StoragePool", "clash", "path: /default-pool"),
            Manifests.document("StoragePool", "fine", "path: /srv/fine"),
            Manifests.document("VirtualMachine", "huge", "memory: 1GiB\ndisks: [{name: root, size: 1GiB, pool: clash}]\nnetworks: [lab]"),
            Manifests.document("VirtualMachine", "small", "memory: 1GiB\ndisks: [{name: root, size: 1GiB, pool: fine}]\nnetworks: [lab]"))
        let result = try await harness.apply(text)
        #expect(!result.converged)
        let failure = try #require(result.report.failed.first)
        #expect(result.report.failed.count == 1)
        #expect(failure.id == "define-pool:local/pool/clash")
        #expect(failure.message.contains("Storage source conflict with pool: 'default-pool'"))
        #expect(failure.message.contains("virStoragePoolDefineXML"))
        #expect(result.report.outcome(of: "build-pool:local/pool/clash") == .skipped(failure.id))
        #expect(result.report.outcome(of: "create-volume:local/volume/clash/huge-root.qcow2") != .succeeded)
        #expect(result.report.outcome(of: "define-domain:local/domain/huge") != .succeeded)
        #expect(result.report.outcome(of: "start-domain:local/domain/small") == .succeeded)
        #expect(result.remaining.steps.map(\.id).contains("define-pool:local/pool/clash"))
    }
}
