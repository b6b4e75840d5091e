import Localization

/// Runs commands on a host or guest through the local OpenSSH client. Every ssh command line of
/// reconcile is built here: BatchMode (never a password prompt that would hang a run), a connect
/// timeout, `--` before the destination so that neither it nor the command is read as an option,
/// and the command quoted for the remote shell.
public struct SSHTransport: CommandTransport {
    public let host: SSHTarget
    public let options: SSHOptions
    let runner: ProcessRunner

    public init(_ host: SSHTarget, options: SSHOptions = SSHOptions(), runner: ProcessRunner = ProcessRunner()) {
        self.host = host
        self.options = options
        self.runner = runner
    }

    public var target: String { "\(host.destination) over SSH" }

    /// The local command line that runs `argv` on the host, program first.
    public func commandLine(for argv: [String]) -> [String] {
        wrapped(sshOptions + ["--", host.host, ShellQuote.join(argv)])
    }

    /// The local command line of an interactive login shell on the host (no remote command).
    public func loginCommandLine() -> [String] {
        wrapped(sshOptions + ["--", host.host])
    }

    /// ssh's options up to the destination: the ones every connection gets, then the chosen ones.
    var sshOptions: [String] {
        var arguments = [options.executable]
        if let configFile = options.configFile { arguments += ["-F", configFile] }
        arguments += [
            "-o", "BatchMode=yes",
            "-o", "ConnectTimeout=\(options.connectTimeout)",
            "-o", "LogLevel=ERROR",
            options.allocateTTY ? "-t" : "-T",
        ]
        if let identityFile = options.identityFile {
            arguments += ["-i", identityFile, "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none"]
        }
        if let knownHosts = options.pinnedKnownHosts {
            arguments += [
                "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=\(knownHosts)",
                "-o", "GlobalKnownHostsFile=/dev/null",
                // reconcile pins the ed25519 keys it generates; no other key type may answer.
                "-o", "HostKeyAlgorithms=ssh-ed25519",
            ]
        }
        if let control = options.controlDirectory {
            arguments += ["-o", "ControlMaster=auto", "-o", "ControlPath=\(control.controlPath)", "-o", "ControlPersist=30"]
        } else {
            // Never join a master socket that an ssh_config points elsewhere (such as /tmp).
            arguments += ["-o", "ControlMaster=no", "-o", "ControlPath=none"]
        }
        arguments += ["-p", String(host.port)]
        if let user = host.user { arguments += ["-l", user] }
        return arguments
    }

    func wrapped(_ ssh: [String]) -> [String] {
        guard let namespace = options.networkNamespace else { return ssh }
        return ["ip", "netns", "exec", namespace] + ssh
    }

    public func run(_ argv: [String], input: String?, timeout: Duration?) async throws(ProcessError) -> ProcessResult {
        let line = commandLine(for: argv)
        do throws(ProcessError) {
            return try await runner.run(line[0], Array(line.dropFirst()), input: input, timeout: timeout)
        } catch where error.code == .timeout {
            // The runner's message would spell out every ssh option; name the host and command instead.
            let command = ShellQuote.join(argv)
            throw ProcessError(.timeout, LocalizedMessage("adapter.process.sshTimeout", [
                "host": "\(host)", "command": String(command.prefix(80)), "seconds": timeout?.secondsText ?? "",
            ]))
        }
    }

    /// ssh exits 255 for its own errors; any other status came from the remote command.
    public func failedToReach(_ result: ProcessResult) -> Bool {
        result.exitStatus == 255
    }

    /// Whether a login works at all, before probes would report a misleading all-"no" host.
    public func checkConnection() async -> Bool {
        (try? await run(["true"]))?.succeeded == true
    }

    /// Ends the shared connection instead of leaving it to linger for ControlPersist.
    public func close() async {
        guard options.controlDirectory != nil else { return }
        let line = wrapped(sshOptions + ["-O", "exit", "--", host.host])
        _ = try? await runner.run(line[0], Array(line.dropFirst()))
    }
}
