import Foundation
import HostCommands
import HostProbe
import HostSystemAdapter
import Reconciler
import Spec
import Testing

/// An sshd of the test's own on 127.0.0.1 (own host key, own authorized key), stopped by its pid.
final class TestSSHServer {
    let directory: URL
    let port: Int
    private(set) var pid: Int32?

    var configFile: String { directory.appendingPathComponent("ssh_config").path }
    /// reconcile's state directory for this server's tests: the shared connection's socket lives below it.
    var stateDirectory: String { directory.appendingPathComponent("state").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-sshd-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = Int.random(in: 20000...40000)
        let path = directory.path
        try Self.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", "\(path)/host_key"])
        try Self.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", "\(path)/client_key"])
        try FileManager.default.copyItem(atPath: "\(path)/client_key.pub", toPath: "\(path)/authorized_keys")
        try """
            ListenAddress 127.0.0.1
            Port \(port)
            HostKey \(path)/host_key
            PidFile \(path)/sshd.pid
            AuthorizedKeysFile \(path)/authorized_keys
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            """.write(toFile: "\(path)/sshd_config", atomically: true, encoding: .utf8)
        try """
            Host *
              IdentityFile \(path)/client_key
              IdentitiesOnly yes
              UserKnownHostsFile /dev/null
              StrictHostKeyChecking no
              LogLevel ERROR
            """.write(toFile: configFile, atomically: true, encoding: .utf8)
        // sshd refuses to start without its privilege separation directory.
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        try Self.run("/usr/sbin/sshd", ["-f", "\(path)/sshd_config", "-E", "\(path)/sshd.log"])
        for _ in 0..<50 {
            if let text = try? String(contentsOfFile: "\(path)/sshd.pid", encoding: .utf8),
               let value = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                pid = value
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    func stop() {
        // The shared control connection keeps a session process alive on the server: end it first.
        if let control = try? SSHControlDirectory.prepare(stateDirectory: stateDirectory) {
            try? Self.run("/usr/bin/ssh", ["-F", configFile, "-o", "ControlPath=\(control.controlPath)", "-p", String(port),
                                           "-O", "exit", "root@127.0.0.1"])
        }
        if let pid { kill(pid, SIGTERM) }
        pid = nil
        try? FileManager.default.removeItem(at: directory)
    }

    static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
    }

    static var canRun: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen")
    }
}

@Suite("A ready host reached over SSH", .serialized, .enabled(if: TestSSHServer.canRun, "needs root and openssh-server"))
struct SSHHostSystemTests {
    static let request = HostFactsRequest(packages: ["qemu-system-x86", "libvirt-daemon-system", "no-such-package-reconcile"],
                                          users: ["root", "nobody"], poolPaths: ["/var/lib/libvirt/images", "/root/vms"])

    @Test("facts and the host plan over spec.ssh match those of this machine")
    func sameFactsAsLocal() async throws {
        let server = try TestSSHServer()
        defer { server.stop() }
        #expect(server.pid != nil, "sshd did not start")
        let spec = HypervisorSpec(metadata: ResourceMetadata(name: "remote", location: SourceLocation(file: "t", line: 1, column: 1)),
                                  state: .ready, ssh: "root@127.0.0.1:\(server.port)", users: ["root", "nobody"])
        let remote = try await ProbedHostSystemConnector(sshConfig: server.configFile, stateDirectory: server.stateDirectory).system(for: spec)
        #expect(remote.target == "root@127.0.0.1 over SSH")
        let local = ProbedHostSystem(access: .local(), transport: LocalTransport())
        let remoteFacts = try await remote.facts(Self.request)
        let localFacts = try await local.facts(Self.request)
        #expect(remoteFacts == localFacts)
        // The probes shared one connection, through a socket in a private directory of the state directory.
        let control = "\(server.stateDirectory)/ssh-mux"
        let sockets = try FileManager.default.contentsOfDirectory(atPath: control)
        #expect(sockets.count == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: control)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o700)
        #expect(remoteFacts.missingPackages == ["no-such-package-reconcile"])

        var manifests = ManifestSet()
        manifests.hypervisors = [spec]
        let remotePlan = Planner().plan(manifests: manifests, observed: [:], hosts: ["remote": HostObservation(facts: remoteFacts, libvirtError: "x")])
        let localPlan = Planner().plan(manifests: manifests, observed: [:], hosts: ["remote": HostObservation(facts: localFacts, libvirtError: "x")])
        #expect(remotePlan.steps == localPlan.steps)
        #expect(remotePlan.steps.contains { $0.action == .installPackages(["no-such-package-reconcile"]) })
    }

    @Test("a host that refuses the key is an error that says how to check it")
    func refusedKey() async throws {
        let server = try TestSSHServer()
        defer { server.stop() }
        try "".write(toFile: server.directory.appendingPathComponent("authorized_keys").path, atomically: true, encoding: .utf8)
        let spec = HypervisorSpec(metadata: ResourceMetadata(name: "remote", location: SourceLocation(file: "t", line: 1, column: 1)),
                                  state: .ready, ssh: "root@127.0.0.1:\(server.port)")
        let error = await #expect(throws: HostSSHError.self) {
            _ = try await ProbedHostSystemConnector(sshConfig: server.configFile, stateDirectory: server.stateDirectory).system(for: spec)
        }
        #expect(error?.description.contains("BatchMode") == true)
    }
}
