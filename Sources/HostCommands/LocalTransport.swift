/// Runs commands on this machine.
public struct LocalTransport: CommandTransport {
    public let runner: ProcessRunner

    public init(runner: ProcessRunner = ProcessRunner()) {
        self.runner = runner
    }

    public var target: String { "this machine" }

    public func run(_ argv: [String], input: String?, timeout: Duration?) async throws(ProcessError) -> ProcessResult {
        guard let program = argv.first else { throw ProcessError(.cannotRun, "empty command") }
        return try await runner.run(program, Array(argv.dropFirst()), input: input, timeout: timeout)
    }
}
