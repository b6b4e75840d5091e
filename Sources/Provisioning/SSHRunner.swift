import Foundation

/// Runs commands on a guest with OpenSSH, trusting only the pinned host key.
public struct SSHRunner: Sendable {
    public var identityFile: URL
    public var knownHosts: KnownHostsFile
    /// Seconds ssh waits for the TCP connection.
    public var connectTimeout: Int
    /// When libvirt runs inside a network namespace, guests are reachable only from it.
    public var networkNamespace: String?
    public var sshExecutable: String

    public init(
        identityFile: URL,
        knownHosts: KnownHostsFile,
        connectTimeout: Int = 10,
        networkNamespace: String? = nil,
        sshExecutable: String = "ssh"
    ) {
        self.identityFile = identityFile
        self.knownHosts = knownHosts
        self.connectTimeout = connectTimeout
        self.networkNamespace = networkNamespace
        self.sshExecutable = sshExecutable
    }

    /// The full command line, starting with the program to run.
    public func commandLine(for command: String, on target: SSHTarget) -> [String] {
        let ssh = [
            sshExecutable,
            // Ignore ~/.ssh/config and the system known_hosts: only our pins count.
            "-F", "/dev/null",
            "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=yes",
            "-o", "UserKnownHostsFile=\(knownHosts.url.path)",
            "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "HostKeyAlgorithms=ssh-ed25519",
            "-o", "IdentitiesOnly=yes",
            "-o", "IdentityAgent=none",
            "-i", identityFile.path,
            "-o", "ConnectTimeout=\(connectTimeout)",
            "-o", "LogLevel=ERROR",
            "-T",
            "-p", String(target.port),
        ]
            // Guest targets always name their user; without one ssh falls back to the local user.
            + (target.user.map { ["-l", $0] } ?? [])
            + [target.host, "--", command]
        guard let networkNamespace else { return ssh }
        return ["ip", "netns", "exec", networkNamespace] + ssh
    }

    /// Runs `command` (interpreted by the guest user's login shell). A non-zero exit is a
    /// result; exit 255 means ssh itself failed (see stderr). Throws on timeout.
    public func run(
        _ command: String,
        on target: SSHTarget,
        input: String? = nil,
        timeout: Duration = .seconds(300)
    ) async throws -> CommandResult {
        let line = commandLine(for: command, on: target)
        do {
            return try await CommandRunner().run(line[0], Array(line.dropFirst()), input: input, timeout: timeout)
        } catch let error as ProvisioningError where error.code == .timeout {
            // The generic message would echo the command line; keep it short and name the target.
            throw ProvisioningError(.timeout, "ssh \(target): '\(command.prefix(80))' did not finish within \(timeout)")
        }
    }

    /// Retries a real handshake (running `true`) until it succeeds or `timeout` passes.
    /// Returns every attempt; throws `.timeout` listing what the last attempts saw.
    public func waitForSSH(
        _ target: SSHTarget,
        timeout: Duration,
        interval: Duration = .seconds(2),
        onAttempt: (@Sendable (SSHAttempt) -> Void)? = nil
    ) async throws -> [SSHAttempt] {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + timeout
        var attempts: [SSHAttempt] = []
        while true {
            let remaining = deadline - clock.now
            let perAttempt = min(Duration.seconds(connectTimeout + 5), max(remaining, .seconds(1)))
            let outcome: SSHAttempt.Outcome
            let detail: String
            do {
                let result = try await run("true", on: target, timeout: perAttempt)
                outcome = SSHAttempt.classify(result)
                detail = result.standardError.trimmed(of: " \n\r")
            } catch let error as ProvisioningError where error.code == .timeout {
                outcome = .timedOut
                detail = "no answer within \(perAttempt)"
            }
            let attempt = SSHAttempt(number: attempts.count + 1, elapsed: clock.now - start, outcome: outcome, detail: detail)
            attempts.append(attempt)
            onAttempt?(attempt)
            if outcome == .connected { return attempts }
            if clock.now + interval >= deadline {
                let recent = attempts.suffix(3).map(\.description).joined(separator: "; ")
                throw ProvisioningError(.timeout, "ssh \(target) not reachable with the pinned host key within \(timeout) after \(attempts.count) attempts; last: \(recent)")
            }
            try await Task.sleep(for: interval)
        }
    }
}
