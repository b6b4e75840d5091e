import HostCommands
import Localization

/// The words of a diagnostic: worded in the reader's language on a terminal, in English for
/// `validate --output json`.
public typealias DiagnosticText = LocalizedText

extension LocalizedText {
    /// `spec.memory: MESSAGE`: field paths are identifiers and stay as written.
    public static func field(_ path: String, _ message: LocalizedText) -> LocalizedText {
        .verbatim("\(path): ") + message
    }

    /// Every value escaped for a terminal: messages quote manifest values.
    var escaped: LocalizedText {
        mappingValues(TerminalText.escape)
    }
}
