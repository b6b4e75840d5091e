import HostCommands
import HostProbe

/// Runs host-step commands on this machine.
public struct LocalCommandExecutor: CommandExecutor {
    /// Package managers are chatty; the end of their output is what explains a failure.
    static let runner = ProcessRunner(outputLimit: 4 << 20)

    public init() {}

    public func execute(_ command: HostCommand) async throws -> CommandResult {
        try await Self.run(command.argvWithEnvironment)
    }

    static func run(_ argv: [String]) async throws -> CommandResult {
        guard let program = argv.first else { return CommandResult(exitCode: 127, stderr: "empty command") }
        do {
            let result = try await runner.run(program, Array(argv.dropFirst()))
            return CommandResult(exitCode: result.exitStatus, stdout: result.standardOutput, stderr: result.standardError)
        } catch {
            // HostCommandError already names the command; show swift-subprocess's reason as it is.
            throw error.underlying ?? error
        }
    }
}
