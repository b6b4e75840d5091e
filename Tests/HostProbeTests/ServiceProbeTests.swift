import Foundation
import HostProbe
import Testing

@Suite("Service enablement and liveness")
struct ServiceProbeTests {
    /// A throwaway fixture tree built for one test.
    func makeTree(files: [String: String], state: FixtureState) throws -> HostSystem {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hostprobe-\(UUID().uuidString)")
        var all = files
        let encoder = JSONEncoder()
        all[FixtureState.relativePath] = String(decoding: try encoder.encode(state), as: UTF8.self)
        for (path, content) in all {
            let url = root.appendingPathComponent(String(path.dropFirst()))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
        return try HostSystem.fixture(root: root.path)
    }

    @Test("a pid file without trailing newline naming a live process means running")
    func livePid() async throws {
        let system = try makeTree(files: ["/run/libvirtd.pid": "4711"], state: FixtureState(livePids: [4711]))
        let status = await ServiceProbe(system: system).status(of: .libvirtd)
        #expect(status.running)
        #expect(status.runningEvidence == "pid 4711 from /run/libvirtd.pid is alive")
    }

    @Test("a stale pid file or a socket nobody listens on is not running")
    func stale() async throws {
        let system = try makeTree(
            files: ["/run/libvirtd.pid": "4711\n", "/run/libvirt/libvirt-sock": ""],
            state: FixtureState(livePids: [1])
        )
        let status = await ServiceProbe(system: system).status(of: .libvirtd)
        #expect(!status.running)
        #expect(status.runningEvidence == nil)
    }

    @Test("systemd wants links in any target enable the service")
    func systemdWants() async throws {
        let system = try makeTree(
            files: ["/etc/systemd/system/sockets.target.wants/virtqemud.socket": "",
                    "/etc/systemd/system/multi-user.target.wants/other.service": ""],
            state: FixtureState()
        )
        let probe = ServiceProbe(system: system)
        #expect(await probe.status(of: .virtqemud).enabledBy == ["/etc/systemd/system/sockets.target.wants/virtqemud.socket"])
        #expect(!(await probe.status(of: .libvirtd).enabled))
    }
}
