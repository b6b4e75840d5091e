import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler

extension RealLibvirtTests {
    static let snapshotPoolPath = "/var/lib/libvirt/images/reconcile-snapshot-test"

    static func snapshotManifests(biosSnapshots: String, uefiSnapshots: String = "[{name: u1}]") -> String {
        """
        \(RealLibvirt.hypervisor)
        ---
        \(RealLibvirt.pool("rs-pool", path: snapshotPoolPath))
        ---
        apiVersion: reconcile/v1
        kind: VirtualMachine
        metadata: {name: rs-bios}
        spec:
          memory: 64MiB
          disks: [{name: root, pool: rs-pool, size: 16MiB, deleteWithVM: true}]
          state: stopped
          snapshots: \(biosSnapshots)
        ---
        apiVersion: reconcile/v1
        kind: VirtualMachine
        metadata: {name: rs-uefi}
        spec:
          memory: 128MiB
          firmware: uefi
          disks: [{name: root, pool: rs-pool, size: 16MiB, deleteWithVM: true}]
          state: running
          snapshots: \(uefiSnapshots)
        ---
        apiVersion: reconcile/v1
        kind: VirtualMachine
        metadata: {name: rs-secure}
        spec:
          memory: 128MiB
          firmware: uefi
          secureBoot: true
          state: running

        """
    }

    /// qemu-io reads and writes the image as the guest would see it, without booting one.
    static func qemuIO(_ image: String, _ command: String) throws -> CLI.Run {
        try CLI.run("/usr/bin/qemu-io", ["-f", "qcow2", "-c", command, image])
    }

    @Test("snapshots: create, list, revert restores the disk's data, prune deletes only reconcile's; a UEFI guest boots OVMF and gets a disk-only snapshot")
    func realSnapshots() async throws {
        let cleanup = {
            for vm in ["rs-bios", "rs-uefi", "rs-secure"] {
                try? RealLibvirt.virsh(["destroy", vm])
                try? RealLibvirt.virsh(["undefine", vm, "--nvram", "--snapshots-metadata"])
            }
            try? RealLibvirt.virsh(["pool-destroy", "rs-pool"])
            try? RealLibvirt.virsh(["pool-undefine", "rs-pool"])
            try? FileManager.default.removeItem(atPath: Self.snapshotPoolPath)
        }
        cleanup()
        defer { cleanup() }

        let fixture = try ManifestFixture(Self.snapshotManifests(biosSnapshots: "[{name: s1, description: 'blank disk'}, {name: s2}]"))
        let apply = try RealLibvirt.reconcile(["apply", fixture.path])
        #expect(apply.status == 0, "apply failed:\n\(apply.output)")
        // New domains have a guest-agent channel, but this guest runs no agent: the snapshot is made
        // without freezing file systems, and the step says so.
        #expect(apply.output.contains("create-snapshot") && apply.output.contains("the guest agent did not answer")
                    && apply.output.contains("file systems were not frozen"), "\(apply.output)")

        let list = try RealLibvirt.reconcile(["snapshot", "list", "rs-bios", "-f", fixture.path])
        #expect(list.status == 0, "\(list.output)")
        let rows = list.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.contains("s1") && $0.contains("shutoff") && $0.contains("internal") && $0.contains("reconcile") && $0.contains("blank disk") }, "\(list.stdout)")
        #expect(rows.contains { $0.hasPrefix("*") && $0.contains("s2") }, "\(list.stdout)")

        // The UEFI guest: libvirt picked OVMF for it, it runs (under TCG), and its snapshot is external.
        let hypervisor = try await LibvirtHypervisor.connect(uri: RealLibvirt.uri)
        let uefiDomain = try #require(try hypervisor.connection.domain(named: "rs-uefi"))
        let liveXML = try uefiDomain.xml(inactive: false)
        #expect(liveXML.contains("<loader") && liveXML.contains("OVMF") && liveXML.contains("type='pflash'"), "\(liveXML)")
        #expect(try uefiDomain.isActive())
        // Secure Boot: libvirt picked the enrolled-keys OVMF build, on q35 with SMM.
        let secureXML = try #require(try hypervisor.connection.domain(named: "rs-secure")).xml(inactive: false)
        #expect(secureXML.contains("secure='yes'") && secureXML.contains("OVMF_CODE_4M.ms.fd") && secureXML.contains("<smm state='on'/>")
                && secureXML.contains("q35"), "\(secureXML)")
        let uefiList = try RealLibvirt.reconcile(["snapshot", "list", "rs-uefi", "-f", fixture.path, "--output", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(uefiList.stdout.utf8)) as? [String: Any])
        let snapshots = try #require(document["snapshots"] as? [[String: Any]])
        #expect(snapshots.count == 1 && snapshots.first?["name"] as? String == "u1" && snapshots.first?["kind"] as? String == "external",
                "\(uefiList.output)")
        // The overlay the snapshot put on the disk is no change to undo: the next plan is empty.
        let again = try RealLibvirt.reconcile(["plan", fixture.path, "--detailed-exitcode"])
        #expect(again.status == 0, "a second plan should show no changes:\n\(again.output)")

        // Revert restores data: write over the blank disk, revert to s1, and the bytes are zero again.
        let observed = try await hypervisor.observe()
        let image = try #require(observed.volume(pool: "rs-pool", name: "rs-bios-root.qcow2")?.path)
        #expect(try Self.qemuIO(image, "write -P 0xab 0 64k").status == 0)
        #expect(try Self.qemuIO(image, "read -P 0xab 0 64k").status == 0)
        let revert = try RealLibvirt.reconcile(["snapshot", "revert", "rs-bios", "s1", "-f", fixture.path])
        #expect(revert.status == 0, "\(revert.output)")
        #expect(revert.stdout.contains("revert-snapshot") && revert.stdout.contains("Reverted 'rs-bios' to snapshot 's1'."), "\(revert.stdout)")
        let zero = try Self.qemuIO(image, "read -P 0 0 64k")
        #expect(zero.status == 0 && !zero.output.contains("Pattern verification failed"), "\(zero.output)")

        // A running guest is not reverted without --force.
        let refused = try RealLibvirt.reconcile(["snapshot", "revert", "rs-uefi", "u1", "-f", fixture.path])
        #expect(refused.status == 1 && refused.stderr.contains("is running"), "\(refused.output)")

        // s2 leaves the manifest; a snapshot made by hand must outlive --prune.
        try RealLibvirt.virsh(["snapshot-create-as", "rs-bios", "manual"])
        let onlyS1 = try ManifestFixture(Self.snapshotManifests(biosSnapshots: "[{name: s1}]"))
        let report = try RealLibvirt.reconcile(["plan", onlyS1.path])
        #expect(report.output.contains("snapshot 's2' of virtual machine 'rs-bios' was made by reconcile but is no longer declared"), "\(report.output)")
        let prune = try RealLibvirt.reconcile(["apply", onlyS1.path, "--prune"])
        #expect(prune.status == 0, "\(prune.output)")
        let after = try await hypervisor.observe().domain(named: "rs-bios")
        #expect(after?.snapshots.map(\.name) == ["manual", "s1"])
        #expect(after?.ownership?.snapshots == ["s1"])

        // The UEFI guest's external snapshot: libvirt before 9.7 refuses to revert to it, so reconcile
        // does it as later versions do (a new overlay on the frozen image); --force turns the guest off
        // first. Then the snapshot is pruned and apply starts the guest again.
        let externalRevert = try RealLibvirt.reconcile(["snapshot", "revert", "rs-uefi", "u1", "-f", fixture.path, "--force"])
        #expect(externalRevert.status == 0 && externalRevert.output.contains("each disk gets a new overlay on the image frozen at the snapshot")
                && externalRevert.output.contains("done revert-snapshot real/snapshot/rs-uefi/u1"), "\(externalRevert.output)")
        #expect(try await hypervisor.observe().domain(named: "rs-uefi")?.state == .shutoff)
        let noUEFISnapshots = try ManifestFixture(Self.snapshotManifests(biosSnapshots: "[{name: s1}]", uefiSnapshots: "[]"))
        let externalPrune = try RealLibvirt.reconcile(["apply", noUEFISnapshots.path, "--prune"])
        #expect(externalPrune.status == 0 && externalPrune.output.contains("done delete-snapshot real/snapshot/rs-uefi/u1"), "\(externalPrune.output)")
        let uefiAfter = try await hypervisor.observe().domain(named: "rs-uefi")
        #expect(uefiAfter?.snapshots.isEmpty == true && uefiAfter?.ownership?.snapshots == nil)
        let settled = try RealLibvirt.reconcile(["plan", noUEFISnapshots.path, "--detailed-exitcode"])
        #expect(settled.status == 0, "\(settled.output)")
    }
}
