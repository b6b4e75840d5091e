import Subprocess

/// Runs programs on this machine through swift-subprocess.
public struct LocalCommandRunner: CommandRunner {
    /// Probes only read short version strings and listings; anything longer is cut.
    static let outputLimit = 1 << 20

    public init() {}

    public func run(_ argv: [String]) async -> CommandOutput? {
        guard let program = argv.first else { return nil }
        do {
            let result = try await Subprocess.run(
                .name(program),
                arguments: Arguments(Array(argv.dropFirst())),
                output: .string(limit: Self.outputLimit),
                error: .discarded
            )
            let code: Int32
            switch result.terminationStatus {
            case .exited(let exitCode): code = Int32(exitCode)
            case .signaled(let signal): code = 128 + Int32(signal)
            }
            return CommandOutput(exitCode: code, stdout: result.standardOutput)
        } catch {
            return nil
        }
    }
}
