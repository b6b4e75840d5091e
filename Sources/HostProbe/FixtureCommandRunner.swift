/// Replays command outputs recorded in a fixture's `FixtureState`.
public struct FixtureCommandRunner: CommandRunner {
    public let state: FixtureState

    public init(state: FixtureState) {
        self.state = state
    }

    public func run(_ argv: [String]) async -> CommandOutput? {
        state.commands[argv.joined(separator: " ")]
    }
}
