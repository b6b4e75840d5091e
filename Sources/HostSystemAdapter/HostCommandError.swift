import HostCommands
import HostProbe
import Localization

/// A host command that failed: the command, its exit status, the end of its stderr, and a hint.
/// Worded in the user's language, except the command and what the host printed.
public struct HostCommandError: LocalizedDescription, Sendable {
    /// More than this many lines of stderr bury the message that matters, usually the last.
    static let stderrLines = 15

    public var command: String
    public var target: String
    public var exitCode: Int32?
    public var stderr: String
    /// The hint from the catalogs; nil for a hint given as text.
    public var hintMessage: LocalizedMessage?
    private var fixedHint: String?
    /// The hint in the user's language.
    public var hint: String { hint(.current) }

    public init(command: HostCommand, target: String, exitCode: Int32?, stderr: String, hint: LocalizedMessage) {
        self.command = command.rendered
        self.target = target
        self.exitCode = exitCode
        self.stderr = stderr
        self.hintMessage = hint
    }

    /// A hint that is not in the catalogs: the same in every language.
    public init(command: HostCommand, target: String, exitCode: Int32?, stderr: String, hint: String) {
        self.command = command.rendered
        self.target = target
        self.exitCode = exitCode
        self.stderr = stderr
        self.fixedHint = hint
    }

    public func hint(_ localizer: Localizer) -> String {
        hintMessage.map { localizer.text($0) } ?? fixedHint ?? ""
    }

    public func description(_ localizer: Localizer) -> String {
        var text = exitCode.map {
            localizer.text("adapter.command.exited", ["command": command, "status": "\($0)", "target": target])
        } ?? localizer.text("adapter.command.notStarted", ["command": command, "target": target])
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: true).suffix(Self.stderrLines)
        if !lines.isEmpty { text += ":\n    " + lines.joined(separator: "\n    ") }
        return text + "\n  hint: " + hint(localizer)
    }
}
