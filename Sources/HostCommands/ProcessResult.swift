/// What an external program did: its exit status and what it printed.
public struct ProcessResult: Sendable, Hashable, Codable {
    /// The exit code, or 128 + signal number when a signal ended it (as shells report it).
    public let exitStatus: Int32
    public let standardOutput: String
    /// Empty when the run discarded standard error.
    public let standardError: String

    public init(exitStatus: Int32, standardOutput: String, standardError: String) {
        self.exitStatus = exitStatus
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    public var succeeded: Bool { exitStatus == 0 }
}
