import Foundation
import HostProbe
import Testing

@Suite("Service enablement and liveness")
struct ServiceProbeTests {
    @Test("a pid file without trailing newline naming a live process means running")
    func livePid() async throws {
        let system = try FixtureSupport.makeTree(files: ["/run/libvirtd.pid": "4711"], state: FixtureState(livePids: [4711]))
        let status = await ServiceProbe(system: system).status(of: .libvirtd)
        #expect(status.running)
        #expect(status.runningEvidence == "pid 4711 from /run/libvirtd.pid is alive")
    }

    @Test("a stale pid file or a socket nobody listens on is not running")
    func stale() async throws {
        let system = try FixtureSupport.makeTree(
            files: ["/run/libvirtd.pid": "4711\n", "/run/libvirt/libvirt-sock": ""],
            state: FixtureState(livePids: [1])
        )
        let status = await ServiceProbe(system: system).status(of: .libvirtd)
        #expect(!status.running)
        #expect(status.runningEvidence == nil)
    }

    @Test("systemd wants links in any target enable the service")
    func systemdWants() async throws {
        let system = try FixtureSupport.makeTree(
            files: ["/etc/systemd/system/sockets.target.wants/virtqemud.socket": "",
                    "/etc/systemd/system/multi-user.target.wants/other.service": ""],
            state: FixtureState()
        )
        let probe = ServiceProbe(system: system)
        #expect(await probe.status(of: .virtqemud).enabledBy == ["/etc/systemd/system/sockets.target.wants/virtqemud.socket"])
        #expect(!(await probe.status(of: .libvirtd).enabled))
    }
}
