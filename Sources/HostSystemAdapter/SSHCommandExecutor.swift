import HostProbe

/// Runs host-step commands on a remote host through OpenSSH (BatchMode, the user's keys), sharing
/// the probes' control connection.
public struct SSHCommandExecutor: CommandExecutor {
    public let runner: SSHCommandRunner

    public init(runner: SSHCommandRunner) {
        self.runner = runner
    }

    public func execute(_ command: HostCommand) async throws -> CommandResult {
        var result = try await LocalCommandExecutor.run(runner.sshArguments(for: command.argvWithEnvironment))
        if result.exitCode == 255 {
            result.stderr = "ssh to \(runner.target.destination) failed: " + result.stderr
        }
        return result
    }
}
