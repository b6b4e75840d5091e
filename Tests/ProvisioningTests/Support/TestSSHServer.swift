import Foundation
import HostCommands
@testable import Provisioning

/// A real OpenSSH server on 127.0.0.1 with its own host key and authorized_keys,
/// stopped by pid.
struct TestSSHServer {
    let process: BackgroundProcess
    let port: Int
    let hostKey: SSHHostKey

    static func start(in scratch: TemporaryDirectory, authorizing clientPublicKey: String) async throws -> TestSSHServer {
        let hostKey = try await SSHKeyGenerator().ensureGuestHostKey(stateDirectory: scratch.url, guest: "sshd-under-test")
        let hostKeyPath = scratch.url.appendingPathComponent("hostkeys/sshd-under-test/ssh_host_ed25519_key").path
        let authorizedKeys = scratch.file("authorized_keys")
        try (clientPublicKey + "\n").write(to: authorizedKeys, atomically: true, encoding: .utf8)
        let port = try FreePort.find()
        let config = scratch.file("sshd_config")
        try """
        ListenAddress 127.0.0.1
        HostKey \(hostKeyPath)
        AuthorizedKeysFile \(authorizedKeys.path)
        PidFile \(scratch.file("sshd.pid").path)
        PermitRootLogin prohibit-password
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        StrictModes no
        LogLevel VERBOSE

        """.write(to: config, atomically: true, encoding: .utf8)
        // sshd needs its privilege-separation directory, which a container may lack.
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let process = try await BackgroundProcess.start(
            ["/usr/sbin/sshd", "-D", "-e", "-f", config.path, "-p", String(port)],
            logFile: scratch.file("sshd.log")
        )
        let server = TestSSHServer(process: process, port: port, hostKey: hostKey)
        for _ in 0..<100 {
            if server.process.log().contains("Server listening") { return server }
            guard server.process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let log = server.process.log()
        await server.stop()
        throw ProvisioningError(.commandFailed, "sshd did not start: \(log)")
    }

    var target: SSHTarget { SSHTarget(host: "127.0.0.1", port: port, user: "root") }

    func stop() async { await process.stop() }
}
