import HostCommands

/// Recorded answers for everything a fixture tree cannot express as files:
/// the KVM ioctl, live sockets and processes, the user, command outputs.
/// Stored as `_probe/state.json` inside a fixture root.
public struct FixtureState: Sendable, Codable, Equatable {
    /// "api:12", "api" (openable, version unknown), "denied", "missing" or "error:TEXT".
    public var kvm: String
    public var uid: Int
    public var groups: [String]
    /// Unix sockets that accept connections.
    public var listeningSockets: [String]
    /// Pids of processes that are alive.
    public var livePids: [Int]
    /// Command line (argv joined by single spaces) → recorded output.
    /// Commands not listed behave as "program not found".
    public var commands: [String: ProcessResult]

    public static let relativePath = "/_probe/state.json"

    public init(
        kvm: String = "missing", uid: Int = 0, groups: [String] = ["root"],
        listeningSockets: [String] = [], livePids: [Int] = [], commands: [String: ProcessResult] = [:]
    ) {
        self.kvm = kvm
        self.uid = uid
        self.groups = groups
        self.listeningSockets = listeningSockets
        self.livePids = livePids
        self.commands = commands
    }
}
