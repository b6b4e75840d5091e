/// Runs commands on a remote host through the local OpenSSH client.
///
/// BatchMode keeps ssh from prompting for passwords (a probe must never hang),
/// and a shared control connection keeps the dozens of small probes from each
/// paying for a new SSH handshake.
public struct SSHCommandRunner: CommandRunner {
    public let target: SSHTarget
    /// An ssh_config file to use instead of the user's (`ssh -F`).
    public let configFile: String?
    let local: any CommandRunner

    public init(target: SSHTarget, configFile: String? = nil, local: any CommandRunner = LocalCommandRunner()) {
        self.target = target
        self.configFile = configFile
        self.local = local
    }

    /// The local argv that runs `argv` on the target.
    public func sshArguments(for argv: [String]) -> [String] {
        ["ssh"] + baseOptions + [target.destination, "--", ShellQuoting.join(argv)]
    }

    var baseOptions: [String] {
        (configFile.map { ["-F", $0] } ?? []) + [
            "-o", "BatchMode=yes",
            "-o", "ConnectTimeout=10",
            "-o", "ControlMaster=auto",
            "-o", "ControlPath=/tmp/reconcile-ssh-%C",
            "-o", "ControlPersist=30",
            "-p", String(target.port),
        ]
    }

    public func run(_ argv: [String]) async -> CommandOutput? {
        guard let output = await local.run(sshArguments(for: argv)) else { return nil }
        // 255 is ssh's own failure (connection, auth); 127 is the remote shell's "not found".
        if output.exitCode == 255 || output.exitCode == 127 { return nil }
        return output
    }

    /// Whether the host can be reached at all; probes would otherwise report
    /// a misleading all-false host.
    public func checkConnection() async -> Bool {
        await local.run(sshArguments(for: ["true"]))?.succeeded == true
    }

    /// Ends the shared control connection instead of leaving it to linger.
    public func close() async {
        _ = await local.run(["ssh"] + baseOptions + ["-O", "exit", target.destination])
    }
}
