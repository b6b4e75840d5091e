import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler

/// Against a real libvirtd + QEMU, started by scripts/test.sh inside a private network namespace.
/// The reconcile binary runs as separate processes, as a user or a timer would run it.
@Suite("Against a real libvirtd", .serialized,
       .enabled(if: RealLibvirt.isConfigured,
                "REAL-LIBVIRTD TESTS NOT RUN: RECONCILE_TEST_LIBVIRT_URI is unset; run scripts/test.sh as root"))
struct RealLibvirtTests {
    static let poolPath = "/var/lib/libvirt/images/reconcile-real-test"

    static func manifests(stoppedMemory: String = "128MiB", runningDisk: String = "64MiB", withGuests: Bool = true) -> String {
        var documents = [
            RealLibvirt.hypervisor,
            """
            apiVersion: reconcile/v1
            kind: Network
            metadata: {name: rt-nat}
            spec:
              mode: nat
              bridge: rtbr0
              ipv4: {address: 192.168.213.1, prefix: 24, dhcp: {start: 192.168.213.100, end: 192.168.213.200}}
            """,
            RealLibvirt.pool("rt-pool", path: poolPath),
        ]
        if withGuests {
            documents += [
                """
                apiVersion: reconcile/v1
                kind: VirtualMachine
                metadata: {name: rt-stopped}
                spec:
                  memory: \(stoppedMemory)
                  disks: [{name: root, size: 1GiB, deleteWithVM: true}]
                  networks: [rt-nat]
                  state: stopped
                """,
                """
                apiVersion: reconcile/v1
                kind: VirtualMachine
                metadata: {name: rt-running}
                spec:
                  memory: 128MiB
                  disks: [{name: root, size: \(runningDisk), deleteWithVM: true}]
                  networks: [rt-nat]
                  state: running
                """,
            ]
        }
        return documents.joined(separator: "\n---\n") + "\n"
    }

    @Test("apply, a no-op second plan from another process, out-of-band drift, growth and prune")
    func realLifecycle() async throws {
        let fixture = try ManifestFixture(Self.manifests())
        try? RealLibvirt.virsh(["pool-destroy", "rt-pool"])
        try? RealLibvirt.virsh(["pool-undefine", "rt-pool"])
        defer {
            try? RealLibvirt.virsh(["pool-destroy", "rt-pool"])
            try? RealLibvirt.virsh(["pool-undefine", "rt-pool"])
            try? FileManager.default.removeItem(atPath: Self.poolPath)
        }

        let apply = try RealLibvirt.reconcile(["apply", fixture.path])
        #expect(apply.status == 0, "apply failed:\n\(apply.output)")
        #expect(apply.output.contains("Converged: the hosts match the manifests."))

        let observed = try await LibvirtHypervisor.connect(uri: RealLibvirt.uri).observe()
        #expect(observed.domain(named: "rt-running")?.state == .running)
        #expect(observed.domain(named: "rt-running")?.type == "qemu")
        #expect(observed.domain(named: "rt-stopped")?.state == .shutoff)
        #expect(observed.network(named: "rt-nat")?.active == true)
        #expect(observed.volume(pool: "rt-pool", name: "rt-running-root.qcow2")?.capacity == 64 << 20)

        let second = try RealLibvirt.reconcile(["plan", fixture.path, "--detailed-exitcode"])
        #expect(second.status == 0, "a second plan should show no changes:\n\(second.output)")
        #expect(second.output.contains("No changes."))

        // Out of band, as an administrator would: only the memory of one VM changes.
        try RealLibvirt.virsh(["setmaxmem", "rt-stopped", "196608", "--config"])
        let drift = try RealLibvirt.reconcile(["plan", fixture.path, "--detailed-exitcode", "--output", "json"])
        #expect(drift.status == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(drift.stdout.utf8)) as? [String: Any])
        let steps = try #require(json["steps"] as? [[String: Any]])
        #expect(steps.map { $0["id"] as? String } == ["update-domain:real/domain/rt-stopped"])
        let resources = try #require(json["resources"] as? [[String: Any]])
        #expect(resources.count == 1)
        let fields = try #require(resources.first?["fields"] as? [[String: String]])
        // setmaxmem moved the maximum only (the balloon stays at 128MiB): the plan names that field.
        #expect(fields == [["field": "maxMemory", "before": "192MiB", "after": "128MiB"]])

        // A saved plan is refused once the host changed after it was made.
        let planFile = fixture.directory.appendingPathComponent("saved.plan").path
        #expect(try RealLibvirt.reconcile(["plan", fixture.path, "--out", planFile]).status == 0)
        try RealLibvirt.virsh(["autostart", "rt-running"])
        let refused = try RealLibvirt.reconcile(["apply", "--plan", planFile])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the hosts changed since the plan was saved"))

        // Growing a disk of the running VM.
        let grown = try ManifestFixture(Self.manifests(runningDisk: "128MiB"))
        let growPlan = try RealLibvirt.reconcile(["plan", grown.path, "--output", "json"])
        #expect(growPlan.stdout.contains("resize-volume:real/volume/rt-pool/rt-running-root.qcow2"))
        let growApply = try RealLibvirt.reconcile(["apply", grown.path])
        #expect(growApply.status == 0, "apply failed:\n\(growApply.output)")
        let afterGrow = try await LibvirtHypervisor.connect(uri: RealLibvirt.uri).observe()
        #expect(afterGrow.volume(pool: "rt-pool", name: "rt-running-root.qcow2")?.capacity == 128 << 20)
        #expect(afterGrow.domain(named: "rt-stopped")?.memoryKiB == 131072)

        // Prune: the guests leave the manifests; their deleteWithVM volumes go with them.
        let emptied = try ManifestFixture(Self.manifests(withGuests: false))
        let prune = try RealLibvirt.reconcile(["apply", emptied.path, "--prune", "--shutdown-timeout", "5"])
        #expect(prune.status == 0, "prune failed:\n\(prune.output)")
        let afterPrune = try await LibvirtHypervisor.connect(uri: RealLibvirt.uri).observe()
        #expect(afterPrune.domain(named: "rt-running") == nil && afterPrune.domain(named: "rt-stopped") == nil)
        #expect(afterPrune.volumes.filter { $0.pool == "rt-pool" }.isEmpty)
        let removeNetwork = try ManifestFixture(Self.manifests(withGuests: false)
            .components(separatedBy: "\n---\n").filter { !$0.contains("kind: Network") }.joined(separator: "\n---\n"))
        #expect(try RealLibvirt.reconcile(["apply", removeNetwork.path, "--prune"]).status == 0)
        #expect(try await LibvirtHypervisor.connect(uri: RealLibvirt.uri).observe().network(named: "rt-nat") == nil)
    }
}

/// How the real tests reach the daemon and the binary scripts/test.sh built.
enum RealLibvirt {
    static let environment = ProcessInfo.processInfo.environment
    static var uri: String { environment["RECONCILE_TEST_LIBVIRT_URI"] ?? "" }
    static var binary: String { environment["RECONCILE_BINARY"] ?? CLI.binary }
    static var isConfigured: Bool { !uri.isEmpty }

    static func reconcile(_ arguments: [String]) throws -> CLI.Run {
        try CLI.run(binary, arguments)
    }

    /// The hypervisor every real test declares: the test's libvirtd, guests under TCG.
    static var hypervisor: String {
        Manifests.document("Hypervisor", "real", "uri: \(uri)\ndomainType: qemu")
    }

    /// A directory pool at `path`.
    static func pool(_ name: String, path: String) -> String {
        Manifests.document("StoragePool", name, "type: dir\npath: \(path)")
    }

    /// An isolated network on `bridge` whose host address is `address`/24.
    static func isolatedNetwork(_ name: String, bridge: String, address: String) -> String {
        Manifests.document("Network", name, "mode: isolated\nbridge: \(bridge)\nipv4: {address: \(address), prefix: 24}")
    }

    /// virsh stands in for an administrator changing things by hand; its output is never parsed.
    static func virsh(_ arguments: [String]) throws {
        let result = try CLI.run("/usr/bin/virsh", ["-c", uri] + arguments)
        guard result.status == 0 else { throw ErrorWording(VirshFailure(message: result.output)) }
    }

    struct VirshFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "virsh failed: \(message)" }
    }
}
