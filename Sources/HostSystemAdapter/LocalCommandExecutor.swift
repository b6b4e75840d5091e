import HostProbe
import Subprocess

/// Runs host-step commands on this machine.
public struct LocalCommandExecutor: CommandExecutor {
    /// Package managers are chatty; the end of their output is what explains a failure.
    static let outputLimit = 4 << 20

    public init() {}

    public func execute(_ command: HostCommand) async throws -> CommandResult {
        try await Self.run(command.argvWithEnvironment)
    }

    static func run(_ argv: [String]) async throws -> CommandResult {
        guard let program = argv.first else { return CommandResult(exitCode: 127, stderr: "empty command") }
        let result = try await Subprocess.run(
            .name(program),
            arguments: Arguments(Array(argv.dropFirst())),
            output: .string(limit: outputLimit),
            error: .string(limit: outputLimit)
        )
        let code: Int32 = switch result.terminationStatus {
        case .exited(let exitCode): Int32(exitCode)
        case .signaled(let signal): 128 + Int32(signal)
        }
        return CommandResult(exitCode: code, stdout: result.standardOutput, stderr: result.standardError)
    }
}
