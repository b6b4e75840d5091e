import HostCommands

/// Replays command outputs recorded in a fixture's `FixtureState`.
public struct FixtureTransport: CommandTransport {
    public let state: FixtureState

    public init(state: FixtureState) {
        self.state = state
    }

    public var target: String { "a fixture" }

    public func run(_ argv: [String], input: String?, timeout: Duration?) async throws(ProcessError) -> ProcessResult {
        let line = argv.joined(separator: " ")
        // An unrecorded command is a program the fixture host does not have.
        guard let recorded = state.commands[line] else { throw ProcessError(.cannotRun, "\(line): not recorded in the fixture") }
        return recorded
    }
}
