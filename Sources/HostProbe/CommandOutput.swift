/// What a finished command produced.
public struct CommandOutput: Sendable, Equatable, Codable {
    public var exitCode: Int32
    public var stdout: String

    public init(exitCode: Int32, stdout: String) {
        self.exitCode = exitCode
        self.stdout = stdout
    }

    public var succeeded: Bool { exitCode == 0 }
}
