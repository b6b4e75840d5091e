import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler

extension RealLibvirtTests {
    static let devicePoolPath = "/var/lib/libvirt/images/reconcile-device-test"

    /// A guest with a blank root disk: under TCG it sits in the firmware, with no OS to release a device.
    static func deviceManifests(state: String, dataDisk: Bool = true, networks: String = "[rd-a, rd-b]",
                                maxMemory: String = "256MiB") -> String {
        let data = dataDisk ? ", {name: data, pool: rd-pool, size: 8MiB, deleteWithVM: true}" : ""
        return """
        \(RealLibvirt.hypervisor)
        ---
        \(RealLibvirt.isolatedNetwork("rd-a", bridge: "rdbr0", address: "192.168.221.1"))
        ---
        \(RealLibvirt.isolatedNetwork("rd-b", bridge: "rdbr1", address: "192.168.222.1"))
        ---
        \(RealLibvirt.pool("rd-pool", path: devicePoolPath))
        ---
        apiVersion: reconcile/v1
        kind: VirtualMachine
        metadata: {name: rd-guest}
        spec:
          cpus: 1
          memory: 128MiB
          maxMemory: \(maxMemory)
          disks: [{name: root, pool: rd-pool, size: 16MiB, deleteWithVM: true}\(data)]
          networks: \(networks)
          state: \(state)

        """
    }

    static func cleanUpDeviceTest() {
        try? RealLibvirt.virsh(["destroy", "rd-guest"])
        try? RealLibvirt.virsh(["undefine", "rd-guest"])
        for network in ["rd-a", "rd-b"] {
            try? RealLibvirt.virsh(["net-destroy", network])
            try? RealLibvirt.virsh(["net-undefine", network])
        }
        try? RealLibvirt.virsh(["pool-destroy", "rd-pool"])
        try? RealLibvirt.virsh(["pool-undefine", "rd-pool"])
        try? FileManager.default.removeItem(atPath: devicePoolPath)
        try? FileManager.default.removeItem(atPath: "/var/lib/libvirt/images/reconcile-foreign-disk.qcow2")
    }

    @Test("a stopped guest loses the data disk and NIC reconcile attached; a disk added with virsh survives; the volume is kept")
    func realStoppedDeviceRemoval() async throws {
        Self.cleanUpDeviceTest()
        defer { Self.cleanUpDeviceTest() }
        let first = try ManifestFixture(Self.deviceManifests(state: "stopped"))
        let created = try RealLibvirt.reconcile(["apply", first.path])
        #expect(created.status == 0, "apply failed:\n\(created.output)")
        // An administrator's disk, attached by hand: not reconcile's.
        let foreign = "/var/lib/libvirt/images/reconcile-foreign-disk.qcow2"
        let image = try CLI.run("/usr/bin/qemu-img", ["create", "-f", "qcow2", foreign, "8M"])
        #expect(image.status == 0, "\(image.output)")
        try RealLibvirt.virsh(["attach-disk", "rd-guest", foreign, "vdc", "--driver", "qemu", "--subdriver", "qcow2", "--config"])

        let removed = try ManifestFixture(Self.deviceManifests(state: "stopped", dataDisk: false, networks: "[rd-a]"))
        let plan = try RealLibvirt.reconcile(["plan", removed.path])
        #expect(plan.stdout.contains("- disks[vdb]:") && plan.stdout.contains("- networks[")
                && plan.stdout.contains("disk vdc (\(foreign))") && plan.stdout.contains("it stays"), "\(plan.output)")
        let applied = try RealLibvirt.reconcile(["apply", removed.path])
        #expect(applied.status == 0, "apply failed:\n\(applied.output)")

        let hypervisor = try await LibvirtHypervisor.connect(uri: RealLibvirt.uri)
        let domain = try #require(try hypervisor.connection.domain(named: "rd-guest"))
        let config = try DomainXML.parse(try domain.xml(inactive: true), state: .shutoff, autostart: false, persistent: true)
        #expect(config.disks.filter { $0.device == "disk" }.map(\.target) == ["vda", "vdc"], "\(config.disks)")
        #expect(config.interfaces.compactMap(\.source) == ["rd-a"], "\(config.interfaces)")
        #expect(config.ownership?.devices?.disks.map(\.target) == ["vda"] && config.ownership?.devices?.interfaces.count == 1)
        #expect(FileManager.default.fileExists(atPath: "\(Self.devicePoolPath)/rd-guest-data.qcow2"), "the removed disk's volume is kept")
        let again = try RealLibvirt.reconcile(["plan", removed.path, "--detailed-exitcode"])
        #expect(again.status == 0, "a second plan should show no changes:\n\(again.output)")
    }

    /// Verified on this daemon (libvirt 9.0, QEMU under TCG, no guest OS): virDomainDetachDeviceFlags
    /// returns success and the device stays in the running guest. The live unplug itself is proven
    /// in scripts/e2e-guest.sh, whose guest runs Linux.
    @Test("a running guest that does not release a NIC: apply exits 1 after the bounded wait and the definition keeps the NIC")
    func realUnplugNotReleased() async throws {
        Self.cleanUpDeviceTest()
        defer { Self.cleanUpDeviceTest() }
        let first = try ManifestFixture(Self.deviceManifests(state: "running", dataDisk: false))
        let created = try RealLibvirt.reconcile(["apply", first.path])
        #expect(created.status == 0, "apply failed:\n\(created.output)")
        let removed = try ManifestFixture(Self.deviceManifests(state: "running", dataDisk: false, networks: "[rd-a]"))
        let plan = try RealLibvirt.reconcile(["plan", removed.path])
        #expect(plan.stdout.contains("- networks[") && plan.stdout.contains("(live)") && plan.stdout.contains("detach-device"), "\(plan.output)")
        let started = ContinuousClock.now
        let applied = try RealLibvirt.reconcile(["apply", removed.path])
        let waited = ContinuousClock.now - started
        #expect(applied.status == 1, "an unplug the guest never completed must not be success:\n\(applied.output)")
        #expect(applied.output.contains("still has NIC") && applied.output.contains("Not converged"), "\(applied.output)")
        print("rd-guest: apply with an unreleased NIC took \(waited) (bounded wait \(DeviceDetach.defaultTimeoutSeconds) s)")

        let hypervisor = try await LibvirtHypervisor.connect(uri: RealLibvirt.uri)
        let domain = try #require(try hypervisor.connection.domain(named: "rd-guest"))
        let config = try DomainXML.parse(try domain.xml(inactive: true), state: .running, autostart: false, persistent: true)
        #expect(config.interfaces.count == 2, "the definition keeps the NIC the guest still has: \(config.interfaces)")
        #expect(config.ownership?.devices?.interfaces.count == 2, "the record still names it")
        let again = try RealLibvirt.reconcile(["plan", removed.path, "--detailed-exitcode"])
        #expect(again.status == 2 && again.stdout.contains("detach-device"), "the next plan tries again:\n\(again.output)")
    }

    @Test("restart pending: after a maxMemory change under restartPolicy never, a second plan is empty and still says so")
    func realRestartPending() async throws {
        Self.cleanUpDeviceTest()
        defer { Self.cleanUpDeviceTest() }
        let first = try ManifestFixture(Self.deviceManifests(state: "running", dataDisk: false, networks: "[rd-a]"))
        let created = try RealLibvirt.reconcile(["apply", first.path])
        #expect(created.status == 0, "apply failed:\n\(created.output)")
        let fresh = try RealLibvirt.reconcile(["plan", first.path, "--detailed-exitcode"])
        #expect(fresh.status == 0 && !fresh.stdout.contains("Restart pending"), "\(fresh.output)")

        let bigger = try ManifestFixture(Self.deviceManifests(state: "running", dataDisk: false, networks: "[rd-a]", maxMemory: "384MiB"))
        let applied = try RealLibvirt.reconcile(["apply", bigger.path])
        #expect(applied.status == 0 && applied.stdout.contains("Restart pending"), "apply:\n\(applied.output)")
        let second = try RealLibvirt.reconcile(["plan", bigger.path, "--detailed-exitcode"])
        #expect(second.status == 0, "nothing to change:\n\(second.output)")
        #expect(second.stdout.contains("Restart pending") && second.stdout.contains("maxMemory 256MiB → 384MiB"), "\(second.output)")
        let json = try RealLibvirt.reconcile(["plan", bigger.path, "--output", "json"])
        #expect(json.stdout.contains("\"pendingRestarts\" : [") && json.stdout.contains("\"converged\" : true"), "\(json.output)")
    }
}
