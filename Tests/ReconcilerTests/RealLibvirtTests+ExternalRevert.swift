import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler

extension RealLibvirtTests {
    static let externalRevertPoolPath = "/var/lib/libvirt/images/reconcile-external-revert-test"

    static func externalRevertManifests(state: String, snapshots: String = "[{name: u1}]") -> String {
        """
        \(RealLibvirt.hypervisor)
        ---
        \(RealLibvirt.pool("rx-pool", path: externalRevertPoolPath))
        ---
        apiVersion: reconcile/v1
        kind: VirtualMachine
        metadata: {name: rx-uefi}
        spec:
          memory: 128MiB
          firmware: uefi
          disks: [{name: root, pool: rx-pool, size: 16MiB, deleteWithVM: true}]
          state: \(state)
          snapshots: \(snapshots)

        """
    }

    /// The files of the pool's directory, as the host sees them (not as libvirt lists them).
    static func externalRevertPoolFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: externalRevertPoolPath).sorted()
    }

    /// The file the domain's first disk writes to now: its persistent definition's source.
    static func currentDiskPath(_ hypervisor: LibvirtHypervisor, domain: String) async throws -> String {
        let observed = try await hypervisor.observe().domain(named: domain)
        return try #require(observed?.disks.first?.source)
    }

    @Test("external snapshot revert (UEFI, libvirt before 9.7): a new overlay on the frozen image, the written bytes are gone, twice; the VM's deletion leaves no overlay")
    func realExternalSnapshotRevert() async throws {
        let cleanup = {
            try? RealLibvirt.virsh(["destroy", "rx-uefi"])
            try? RealLibvirt.virsh(["undefine", "rx-uefi", "--nvram", "--snapshots-metadata"])
            try? RealLibvirt.virsh(["pool-destroy", "rx-pool"])
            try? RealLibvirt.virsh(["pool-undefine", "rx-pool"])
            try? FileManager.default.removeItem(atPath: Self.externalRevertPoolPath)
        }
        cleanup()
        defer { cleanup() }

        let fixture = try ManifestFixture(Self.externalRevertManifests(state: "stopped"))
        let apply = try RealLibvirt.reconcile(["apply", fixture.path])
        #expect(apply.status == 0, "apply failed:\n\(apply.output)")
        let hypervisor = try await LibvirtHypervisor.connect(uri: RealLibvirt.uri)
        let base = "\(Self.externalRevertPoolPath)/rx-uefi-root.qcow2"
        let firstOverlay = try await Self.currentDiskPath(hypervisor, domain: "rx-uefi")
        #expect(firstOverlay == "\(Self.externalRevertPoolPath)/rx-uefi-root.u1", "the snapshot's overlay: \(firstOverlay)")

        // The blank disk gets bytes written over it while the guest is off, as the guest would write them.
        #expect(try Self.qemuIO(firstOverlay, "write -P 0xab 0 64k").status == 0)
        #expect(try Self.qemuIO(firstOverlay, "read -P 0xab 0 64k").status == 0)

        let revert = try RealLibvirt.reconcile(["snapshot", "revert", "rx-uefi", "u1", "-f", fixture.path])
        #expect(revert.status == 0, "\(revert.output)")
        #expect(revert.stdout.contains("each disk gets a new overlay on the image frozen at the snapshot")
                && revert.stdout.contains("Reverted 'rx-uefi' to snapshot 'u1'."), "\(revert.stdout)")
        #expect(revert.output.contains("new overlay rx-uefi-root.u1-revert-1") && revert.output.contains("deleted the discarded overlay rx-pool/rx-uefi-root.u1"),
                "\(revert.output)")
        let secondOverlay = try await Self.currentDiskPath(hypervisor, domain: "rx-uefi")
        #expect(secondOverlay == "\(Self.externalRevertPoolPath)/rx-uefi-root.u1-revert-1")
        let zero = try Self.qemuIO(secondOverlay, "read -P 0 0 64k")
        #expect(zero.status == 0 && !zero.output.contains("Pattern verification failed"), "\(zero.output)")
        // The new overlay is built on the image the snapshot froze, through libvirt's storage API.
        let volumeXML = try #require(try hypervisor.connection.volume(path: secondOverlay)).xml()
        #expect(try StorageXML.backingPath(volumeXML) == base, "\(volumeXML)")
        #expect(try Self.externalRevertPoolFiles() == ["rx-uefi-root.qcow2", "rx-uefi-root.u1-revert-1"])
        // The snapshot's record names the new overlay, as libvirt 9.7 records it after a revert.
        #expect(!revert.output.contains("did not take the snapshot's updated record"), "\(revert.output)")
        let snapshotXML = try #require(try hypervisor.connection.domain(named: "rx-uefi")?.snapshot(named: "u1")).xml()
        #expect(try SnapshotXML.externalDisks(snapshotXML) == [ExternalSnapshotDisk(target: "vda", frozen: base, overlay: secondOverlay)], "\(snapshotXML)")
        // The snapshot is current again, and reconcile still records it as its own.
        let list = try RealLibvirt.reconcile(["snapshot", "list", "rx-uefi", "-f", fixture.path])
        #expect(list.stdout.split(separator: "\n").contains { $0.hasPrefix("*") && $0.contains("u1") && $0.contains("external") && $0.contains("reconcile") },
                "\(list.stdout)")

        // Twice: the revert's own overlay is the discarded one now.
        #expect(try Self.qemuIO(secondOverlay, "write -P 0xcd 0 64k").status == 0)
        let again = try RealLibvirt.reconcile(["snapshot", "revert", "rx-uefi", "u1", "-f", fixture.path])
        #expect(again.status == 0 && again.output.contains("deleted the discarded overlay rx-pool/rx-uefi-root.u1-revert-1"), "\(again.output)")
        let thirdOverlay = try await Self.currentDiskPath(hypervisor, domain: "rx-uefi")
        #expect(thirdOverlay == "\(Self.externalRevertPoolPath)/rx-uefi-root.u1-revert-2")
        let zeroAgain = try Self.qemuIO(thirdOverlay, "read -P 0 0 64k")
        #expect(zeroAgain.status == 0 && !zeroAgain.output.contains("Pattern verification failed"), "\(zeroAgain.output)")
        #expect(try Self.externalRevertPoolFiles() == ["rx-uefi-root.qcow2", "rx-uefi-root.u1-revert-2"])

        // The reverted guest boots OVMF from its new overlay, and the plan has nothing to change.
        let running = try ManifestFixture(Self.externalRevertManifests(state: "running"))
        let start = try RealLibvirt.reconcile(["apply", running.path])
        #expect(start.status == 0 && start.output.contains("done start-domain"), "\(start.output)")
        let settled = try RealLibvirt.reconcile(["plan", running.path, "--detailed-exitcode"])
        #expect(settled.status == 0, "\(settled.output)")
        // A running guest's revert is refused without --force; with it the guest is forced off first.
        let refused = try RealLibvirt.reconcile(["snapshot", "revert", "rx-uefi", "u1", "-f", running.path])
        #expect(refused.status == 1 && refused.stderr.contains("is running"), "\(refused.output)")
        let forced = try RealLibvirt.reconcile(["snapshot", "revert", "rx-uefi", "u1", "-f", running.path, "--force"])
        #expect(forced.status == 0 && forced.stdout.contains("the guest is forced off and stays off"), "\(forced.output)")
        #expect(try await hypervisor.observe().domain(named: "rx-uefi")?.state == .shutoff)

        // Two snapshots in a chain: u2 freezes the overlay u1's revert made. Back to u1, the overlay u2
        // froze stays (u2 needs it); back to u2, the data written before it is there again.
        let beforeU2 = try await Self.currentDiskPath(hypervisor, domain: "rx-uefi")
        #expect(try Self.qemuIO(beforeU2, "write -P 0x11 0 64k").status == 0)
        let chain = try ManifestFixture(Self.externalRevertManifests(state: "stopped", snapshots: "[{name: u1}, {name: u2}]"))
        let second = try RealLibvirt.reconcile(["apply", chain.path])
        #expect(second.status == 0 && second.output.contains("done create-snapshot real/snapshot/rx-uefi/u2"), "\(second.output)")
        let afterU2 = try await Self.currentDiskPath(hypervisor, domain: "rx-uefi")
        #expect(afterU2 == "\(Self.externalRevertPoolPath)/rx-uefi-root.u2")
        #expect(try Self.qemuIO(afterU2, "write -P 0xef 0 64k").status == 0)
        let toU1 = try RealLibvirt.reconcile(["snapshot", "revert", "rx-uefi", "u1", "-f", chain.path])
        #expect(toU1.status == 0 && toU1.output.contains("deleted the discarded overlay rx-pool/rx-uefi-root.u2"), "\(toU1.output)")
        let onU1 = try await Self.currentDiskPath(hypervisor, domain: "rx-uefi")
        let zeroOnU1 = try Self.qemuIO(onU1, "read -P 0 0 64k")
        #expect(zeroOnU1.status == 0 && !zeroOnU1.output.contains("Pattern verification failed"), "\(zeroOnU1.output)")
        let onU1Name = try #require(onU1.split(separator: "/").last.map(String.init))
        let beforeU2Name = try #require(beforeU2.split(separator: "/").last.map(String.init))
        #expect(try Self.externalRevertPoolFiles() == ["rx-uefi-root.qcow2", beforeU2Name, onU1Name].sorted())
        let toU2 = try RealLibvirt.reconcile(["snapshot", "revert", "rx-uefi", "u2", "-f", chain.path])
        #expect(toU2.status == 0 && toU2.output.contains("deleted the discarded overlay rx-pool/\(onU1Name)"), "\(toU2.output)")
        let onU2 = try await Self.currentDiskPath(hypervisor, domain: "rx-uefi")
        #expect(onU2 == "\(Self.externalRevertPoolPath)/rx-uefi-root.u2-revert-1")
        #expect(try StorageXML.backingPath(try #require(try hypervisor.connection.volume(path: onU2)).xml()) == beforeU2)
        let backToU2 = try Self.qemuIO(onU2, "read -P 0x11 0 64k")
        #expect(backToU2.status == 0 && !backToU2.output.contains("Pattern verification failed"), "\(backToU2.output)")
        #expect(try Self.externalRevertPoolFiles() == ["rx-uefi-root.qcow2", beforeU2Name, "rx-uefi-root.u2-revert-1"].sorted())

        // Deleted with deleteWithVM: the disk goes, and every overlay its snapshots stacked on it with it.
        let absent = try ManifestFixture(Self.externalRevertManifests(state: "absent", snapshots: "[{name: u1}, {name: u2}]"))
        let plan = try RealLibvirt.reconcile(["plan", absent.path])
        #expect(plan.output.contains("snapshot overlay on disk rx-pool/rx-uefi-root.qcow2"), "\(plan.output)")
        let delete = try RealLibvirt.reconcile(["apply", absent.path])
        #expect(delete.status == 0 && delete.output.contains("done delete-volume real/volume/rx-pool/rx-uefi-root.u1-revert-"), "\(delete.output)")
        #expect(try Self.externalRevertPoolFiles() == [], "the pool keeps files of the deleted VM")
    }
}
