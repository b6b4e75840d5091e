import Foundation
import HostCommands
import Synchronization
import Testing
@testable import Provisioning

@Suite("SSH keys and known_hosts")
struct SSHKeyTests {
    @Test("the client key is created once with mode 0600 and then reused")
    func clientKey() async throws {
        let scratch = try TemporaryDirectory("sshkeys")
        defer { scratch.remove() }
        let first = try await SSHKeyGenerator().ensureClientKey(stateDirectory: scratch.url)
        #expect(first.privateKeyPath.path == scratch.url.path + "/ssh/id_ed25519")
        #expect(first.publicKey.hasPrefix("ssh-ed25519 "))
        #expect(first.publicKey.hasSuffix(" reconcile"))
        let mode = try FileManager.default.attributesOfItem(atPath: first.privateKeyPath.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let second = try await SSHKeyGenerator().ensureClientKey(stateDirectory: scratch.url)
        #expect(second == first)
    }

    @Test("guest host keys are distinct per guest, stable per guest, and load the private key")
    func hostKeys() async throws {
        let scratch = try TemporaryDirectory("sshkeys")
        defer { scratch.remove() }
        let generator = SSHKeyGenerator()
        let a = try await generator.ensureGuestHostKey(stateDirectory: scratch.url, guest: "a")
        let b = try await generator.ensureGuestHostKey(stateDirectory: scratch.url, guest: "b")
        #expect(a.privateKey.contains("BEGIN OPENSSH PRIVATE KEY"))
        #expect(a.publicKey.hasSuffix("root@a"))
        #expect(a.publicKeyBody != b.publicKeyBody)
        #expect(try await generator.ensureGuestHostKey(stateDirectory: scratch.url, guest: "a") == a)
        await #expect(throws: ProvisioningError.self) { try await generator.ensureGuestHostKey(stateDirectory: scratch.url, guest: "../x") }
    }

    @Test("known_hosts pins [host]:port entries and replaces older ones for the same host")
    func knownHosts() throws {
        let scratch = try TemporaryDirectory("knownhosts")
        defer { scratch.remove() }
        let file = KnownHostsFile(url: scratch.file("known_hosts"))
        try file.pin(host: "192.168.122.10", port: 2222, publicKey: "ssh-ed25519 AAAAold comment")
        try file.pin(host: "192.168.122.11", publicKey: "ssh-ed25519 AAAAother")
        try file.pin(host: "192.168.122.10", port: 2222, publicKey: "ssh-ed25519 AAAAnew root@guest")
        let text = try String(contentsOf: file.url, encoding: .utf8)
        #expect(text == "192.168.122.11 ssh-ed25519 AAAAother\n[192.168.122.10]:2222 ssh-ed25519 AAAAnew\n")
        #expect(try file.keys(host: "192.168.122.10", port: 2222) == ["ssh-ed25519 AAAAnew"])
        #expect(try file.keys(host: "192.168.122.10").isEmpty)
        try file.remove(host: "192.168.122.11")
        #expect(try String(contentsOf: file.url, encoding: .utf8) == "[192.168.122.10]:2222 ssh-ed25519 AAAAnew\n")
        #expect(throws: ProvisioningError.self) { try file.pin(host: "h", publicKey: "garbage") }
    }

    @Test("the ssh command line enforces strict, pinned, batch-mode settings")
    func commandLine() {
        let options = SSHOptions.guest(
            identityFile: URL(fileURLWithPath: "/state/ssh/id_ed25519"),
            knownHosts: KnownHostsFile(url: URL(fileURLWithPath: "/state/known_hosts")),
            connectTimeout: 7,
            networkNamespace: "recns"
        )
        let line = SSHTransport(SSHTarget(host: "10.0.0.2", port: 22, user: "ops"), options: options)
            .commandLine(for: ["uname", "-a"])
        #expect(Array(line.prefix(5)) == ["ip", "netns", "exec", "recns", "ssh"])
        let joined = line.joined(separator: " ")
        for option in ["BatchMode=yes", "StrictHostKeyChecking=yes", "UserKnownHostsFile=/state/known_hosts", "IdentitiesOnly=yes",
                       "ConnectTimeout=7", "GlobalKnownHostsFile=/dev/null", "ControlPath=none"] {
            #expect(joined.contains("-o \(option)"))
        }
        #expect(joined.contains("-F /dev/null"))
        #expect(joined.contains("-i /state/ssh/id_ed25519"))
        #expect(joined.contains("-l ops"))
        #expect(Array(line.suffix(3)) == ["--", "10.0.0.2", "uname -a"])
    }
}

@Suite("SSH against a real sshd on 127.0.0.1")
struct SSHServerTests {
    /// Starts sshd with a fresh host key and client key, runs `body`, stops sshd by pid.
    func withServer(_ body: (TestSSHServer, SSHTransport, KnownHostsFile) async throws -> Void) async throws {
        let scratch = try TemporaryDirectory("sshd")
        defer { scratch.remove() }
        let client = try await SSHKeyGenerator().ensureClientKey(stateDirectory: scratch.url)
        let server = try await TestSSHServer.start(in: scratch, authorizing: client.publicKey)
        let knownHosts = KnownHostsFile(url: scratch.file("known_hosts"))
        let runner = SSHTransport(server.target, options: .guest(identityFile: client.privateKeyPath, knownHosts: knownHosts, connectTimeout: 5))
        do {
            try await body(server, runner, knownHosts)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test("with the pinned key, output, stderr and exit status are captured")
    func pinned() async throws {
        try await withServer { server, runner, knownHosts in
            try knownHosts.pin(host: "127.0.0.1", port: server.port, publicKey: server.hostKey.publicKey)
            let result = try await runner.run(["sh", "-c", "echo hello; echo oops >&2; exit 3"], input: nil, timeout: .seconds(30))
            #expect(result.exitStatus == 3)
            #expect(result.standardOutput == "hello\n")
            #expect(result.standardError.contains("oops"))
            let input = try await runner.run(["cat"], input: "piped: data\n", timeout: .seconds(30))
            #expect(input.succeeded)
            #expect(input.standardOutput == "piped: data\n")
        }
    }

    @Test("a wrong pinned key is refused and never replaced")
    func wrongKey() async throws {
        try await withServer { server, runner, knownHosts in
            let scratch = try TemporaryDirectory("otherkey")
            defer { scratch.remove() }
            let other = try await SSHKeyGenerator().ensureGuestHostKey(stateDirectory: scratch.url, guest: "other")
            try knownHosts.pin(host: "127.0.0.1", port: server.port, publicKey: other.publicKey)
            let before = try String(contentsOf: knownHosts.url, encoding: .utf8)
            let result = try await runner.run(["echo", "should-not-run"], input: nil, timeout: .seconds(30))
            #expect(result.exitStatus == 255)
            #expect(!result.standardOutput.contains("should-not-run"))
            #expect(SSHAttempt.classify(result) == .hostKeyMismatch)
            #expect(try String(contentsOf: knownHosts.url, encoding: .utf8) == before)
        }
    }

    @Test("an unpinned host is refused: no trust on first use")
    func unpinned() async throws {
        try await withServer { server, runner, knownHosts in
            let result = try await runner.run(["true"], input: nil, timeout: .seconds(30))
            #expect(result.exitStatus == 255)
            #expect(SSHAttempt.classify(result) == .hostKeyMismatch)
            #expect(try knownHosts.keys(host: "127.0.0.1", port: server.port).isEmpty)
        }
    }

    @Test("waitForSSH succeeds against the pinned server and reports the attempt")
    func waitSucceeds() async throws {
        try await withServer { server, runner, knownHosts in
            try knownHosts.pin(host: "127.0.0.1", port: server.port, publicKey: server.hostKey.publicKey)
            let seen = Mutex<[SSHAttempt]>([])
            let attempts = try await runner.waitForSSH(timeout: .seconds(30)) { attempt in
                seen.withLock { $0.append(attempt) }
            }
            #expect(attempts.last?.outcome == .connected)
            #expect(seen.withLock { $0 } == attempts)
        }
    }

    @Test("waitForSSH keeps retrying a mismatched key and times out naming what it saw")
    func waitMismatch() async throws {
        try await withServer { server, runner, knownHosts in
            try knownHosts.pin(host: "127.0.0.1", port: server.port, publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOzs0LQzV2rVZ8u2VnCZbZJ8yI4c0jXx4m0uG0mZf3sT wrong")
            do {
                // Long enough that a handshake slowed by a busy machine (a full parallel test run)
                // still ends in the mismatch it is about, rather than in the deadline.
                _ = try await runner.waitForSSH(timeout: .seconds(12), interval: .seconds(2))
                Issue.record("expected a timeout")
            } catch let error as ProvisioningError {
                #expect(error.code == .timeout)
                #expect(error.message.contains("hostKeyMismatch"))
                #expect(error.message.contains(server.target.description))
            }
        }
    }

    @Test("waitForSSH on a closed port reports refused connections until the deadline")
    func waitRefused() async throws {
        let scratch = try TemporaryDirectory("sshwait")
        defer { scratch.remove() }
        let client = try await SSHKeyGenerator().ensureClientKey(stateDirectory: scratch.url)
        let port = try FreePort.find()
        let runner = SSHTransport(SSHTarget(host: "127.0.0.1", port: port, user: "root"),
                                  options: .guest(identityFile: client.privateKeyPath, knownHosts: KnownHostsFile(url: scratch.file("known_hosts")), connectTimeout: 2))
        let seen = Mutex<[SSHAttempt]>([])
        await #expect(throws: ProvisioningError.self) {
            try await runner.waitForSSH(timeout: .seconds(2), interval: .milliseconds(300)) { attempt in
                seen.withLock { $0.append(attempt) }
            }
        }
        let attempts = seen.withLock { $0 }
        #expect(attempts.count >= 2)
        #expect(attempts.first?.outcome == .connectionRefused, "\(attempts)")
        // On a loaded machine the last attempt may be cut by the deadline; none may be anything else.
        #expect(attempts.allSatisfy { $0.outcome == .connectionRefused || $0.outcome == .timedOut }, "\(attempts)")
    }

    @Test("a command that outlives its timeout is stopped and reported")
    func commandTimeout() async throws {
        try await withServer { server, runner, knownHosts in
            try knownHosts.pin(host: "127.0.0.1", port: server.port, publicKey: server.hostKey.publicKey)
            let clock = ContinuousClock()
            let start = clock.now
            do throws(ProcessError) {
                _ = try await runner.run(["sleep", "6"], input: nil, timeout: .seconds(2))
                Issue.record("expected a timeout")
            } catch {
                #expect(error.code == .timeout)
                #expect(error.message.contains("sleep 6"))
            }
            #expect(clock.now - start < .seconds(15))
        }
    }
}
