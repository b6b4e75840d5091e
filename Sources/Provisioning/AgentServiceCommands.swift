/// Guest commands that install the agent config and run the service. None of them
/// contains the config itself: `writeConfig` reads it from standard input, so
/// commands can be logged and shown in plans.
public struct AgentServiceCommands: Sendable, Hashable {
    /// Reads the config from stdin and moves it into place atomically, mode 0600.
    public let writeConfig: String
    public let enableAndStart: [String]
    /// Exits 0 only when the service is running.
    public let checkActive: String

    public var all: [String] { [writeConfig] + enableAndStart + [checkActive] }
}
