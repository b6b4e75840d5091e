import HostProbe

/// A host command that failed: the command, its exit status, the end of its stderr, and a hint.
public struct HostCommandError: Error, Sendable, CustomStringConvertible {
    /// More than this many lines of stderr bury the message that matters, usually the last.
    static let stderrLines = 15

    public var command: String
    public var target: String
    public var exitCode: Int32?
    public var stderr: String
    public var hint: String

    public init(command: HostCommand, target: String, exitCode: Int32?, stderr: String, hint: String) {
        self.command = command.rendered
        self.target = target
        self.exitCode = exitCode
        self.stderr = stderr
        self.hint = hint
    }

    public var description: String {
        let status = exitCode.map { "exited with status \($0)" } ?? "could not be started"
        var text = "`\(command)` \(status) on \(target)"
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: true).suffix(Self.stderrLines)
        if !lines.isEmpty { text += ":\n    " + lines.joined(separator: "\n    ") }
        return text + "\n  hint: \(hint)"
    }
}
