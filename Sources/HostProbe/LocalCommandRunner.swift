import HostCommands

/// Runs programs on this machine through the shared `ProcessRunner`.
public struct LocalCommandRunner: CommandRunner {
    /// Probes only read short version strings and listings, and never stderr; more than
    /// this means something is wrong, and the probe treats it like a missing program.
    static let runner = ProcessRunner(outputLimit: 1 << 20, capturesStandardError: false)

    public init() {}

    public func run(_ argv: [String]) async -> CommandOutput? {
        guard let program = argv.first else { return nil }
        // A probe that cannot run answers "unknown" (nil), never an error.
        guard let result = try? await Self.runner.run(program, Array(argv.dropFirst())) else { return nil }
        return CommandOutput(exitCode: result.exitStatus, stdout: result.standardOutput)
    }
}
