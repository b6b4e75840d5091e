import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler

/// scripts/netns-libvirtd.sh starts the test libvirtd with /dev/kvm masked: on the test machines
/// /dev/kvm opens but cannot run guests, and a libvirtd that sees it probes QEMU afresh (~30 s) on
/// every domain define. This one test keeps that real, slow path covered: scripts/test.sh runs it
/// alone, once, against a daemon started with RECONCILE_TEST_UNMASKED_KVM=1.
@Suite("Against a real libvirtd that sees this machine's /dev/kvm", .serialized,
       .enabled(if: RealLibvirt.isConfigured && ProcessInfo.processInfo.environment["RECONCILE_TEST_UNMASKED_KVM"] == "1",
                "run by scripts/test.sh against an unmasked libvirtd (RECONCILE_TEST_UNMASKED_KVM=1)"))
struct RealUnmaskedKVMTests {
    static func manifests(withGuest: Bool) -> String {
        var documents = [RealLibvirt.hypervisor]
        if withGuest {
            documents.append("""
                apiVersion: reconcile/v1
                kind: VirtualMachine
                metadata: {name: rt-unmasked}
                spec: {memory: 64MiB, state: stopped}
                """)
        }
        return documents.joined(separator: "\n---\n") + "\n"
    }

    @Test("apply defines a domain, and prune removes it")
    func defineAndRemove() async throws {
        let fixture = try ManifestFixture(Self.manifests(withGuest: true))
        defer { try? RealLibvirt.virsh(["undefine", "rt-unmasked"]) }
        let apply = try RealLibvirt.reconcile(["apply", fixture.path])
        #expect(apply.status == 0, "apply failed:\n\(apply.output)")
        let observed = try await LibvirtHypervisor.connect(uri: RealLibvirt.uri).observe()
        #expect(observed.domain(named: "rt-unmasked")?.type == "qemu")
        #expect(observed.domain(named: "rt-unmasked")?.state == .shutoff)

        let emptied = try ManifestFixture(Self.manifests(withGuest: false))
        let prune = try RealLibvirt.reconcile(["apply", emptied.path, "--prune"])
        #expect(prune.status == 0, "prune failed:\n\(prune.output)")
        #expect(try await LibvirtHypervisor.connect(uri: RealLibvirt.uri).observe().domain(named: "rt-unmasked") == nil)
    }
}
