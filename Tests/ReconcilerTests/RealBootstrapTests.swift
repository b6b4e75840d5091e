import Foundation
import Testing

/// `state: ready` on this machine: with no libvirtd running, apply starts one. The reconcile binary
/// runs inside a network namespace the test creates, so the daemon it starts, its default network
/// (virbr0) and dnsmasq exist only there. scripts/test.sh runs this suite on its own, before the
/// shared libvirtd starts, because only one libvirtd can own /run/libvirt/libvirt-sock.
@Suite("state: ready against this machine's libvirtd", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["RECONCILE_TEST_BOOTSTRAP"] == "1" && getuid() == 0,
                "set RECONCILE_TEST_BOOTSTRAP=1 as root with no libvirtd running (scripts/test.sh does)"))
struct RealBootstrapTests {
    static let pidFile = "/run/libvirtd.pid"
    static let networkAutostart = "/etc/libvirt/qemu/networks/autostart/default.xml"
    static let poolDefinition = "/etc/libvirt/storage/default.xml"

    static let manifest = Manifests.join(Manifests.document("Hypervisor", "local", """
        uri: qemu:///system
        domainType: qemu
        state: ready
        packages: [libvirt-daemon-system, qemu-system-x86]
        """))

    static func sh(_ arguments: [String]) throws -> CLI.Run {
        try CLI.run("/usr/bin/env", arguments)
    }

    static func libvirtAnswers() -> Bool {
        (try? sh(["virsh", "-c", "qemu:///system", "version"]))?.status == 0
    }

    @Test("a stopped libvirtd is planned as start-service; apply starts it in a namespace; then the plan is empty")
    func startsTheDaemon() throws {
        guard !Self.libvirtAnswers(), !FileManager.default.fileExists(atPath: Self.pidFile) else {
            Issue.record("a libvirtd already runs on this machine; this test only runs when none does")
            return
        }
        let namespace = "reconcile-boot-\(getpid())"
        let hadNetworkAutostart = FileManager.default.fileExists(atPath: Self.networkAutostart)
        let hadPool = FileManager.default.fileExists(atPath: Self.poolDefinition)
        _ = try Self.sh(["ip", "netns", "add", namespace])
        _ = try Self.sh(["ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up"])
        defer { Self.cleanUp(namespace: namespace, hadNetworkAutostart: hadNetworkAutostart, hadPool: hadPool) }

        let fixture = try ManifestFixture(Self.manifest)
        let before = try CLI.reconcile(["plan", fixture.path, "--detailed-exitcode"])
        #expect(before.status == 2, "plan:\n\(before.output)")
        #expect(before.stdout.contains("start-service (libvirtd is not running; no init system"))
        #expect(before.stdout.contains("will be planned once the daemon answers"))
        #expect(!before.stdout.contains("enable-service ("), "no enable-service step without an init system")

        let apply = try Self.sh(["ip", "netns", "exec", namespace, CLI.binary, "apply", fixture.path])
        #expect(apply.status == 0, "apply:\n\(apply.output)")
        #expect(apply.stdout.contains("done start-service local/host/libvirtd"))
        #expect(apply.stdout.contains("define-pool local/pool/default") || hadPool)
        #expect(apply.stdout.contains("Converged: the hosts match the manifests."))

        let after = try CLI.reconcile(["plan", fixture.path, "--detailed-exitcode"])
        #expect(after.status == 0, "plan after apply:\n\(after.output)")
        #expect(after.stdout.contains("No changes."))
        // The daemon and its network live in the namespace, not on the machine's own network.
        let bridge = try Self.sh(["ip", "netns", "exec", namespace, "ip", "link", "show", "virbr0"])
        #expect(bridge.status == 0)
        #expect(try Self.sh(["ip", "link", "show", "virbr0"]).status != 0)
    }

    /// Undoes what the test added to libvirt's shared configuration, then stops the daemon by its
    /// pid and whatever it left in the namespace, and removes the namespace.
    static func cleanUp(namespace: String, hadNetworkAutostart: Bool, hadPool: Bool) {
        if libvirtAnswers() {
            if !hadPool {
                _ = try? sh(["virsh", "-q", "pool-destroy", "default"])
                _ = try? sh(["virsh", "-q", "pool-undefine", "default"])
            }
            if !hadNetworkAutostart { _ = try? sh(["virsh", "-q", "net-autostart", "--disable", "default"]) }
            _ = try? sh(["virsh", "-q", "net-destroy", "default"])
        }
        if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
           let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            stop(pid)
        }
        let leftovers = (try? sh(["ip", "netns", "pids", namespace]))?.stdout.split(separator: "\n").compactMap { Int32($0) } ?? []
        leftovers.forEach(stop)
        _ = try? sh(["ip", "netns", "del", namespace])
    }

    static func stop(_ pid: Int32) {
        guard kill(pid, SIGTERM) == 0 else { return }
        for _ in 0..<50 {
            if kill(pid, 0) != 0 { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        kill(pid, SIGKILL)
    }
}
