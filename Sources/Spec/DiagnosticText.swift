import HostCommands
import Localization

/// The words of a diagnostic: worded in the reader's language on a terminal, in English for
/// `validate --output json`.
public typealias DiagnosticText = LocalizedText

extension LocalizedText {
    /// A catalog message whose text is `text` in every language, for a placeholder filled with a
    /// value (`got 'abc'`) or with words from another program.
    public static func verbatimMessage(_ text: String) -> LocalizedMessage {
        LocalizedMessage("spec.verbatim", ["text": text])
    }

    /// `spec.memory: MESSAGE`: field paths are identifiers and stay as written.
    public static func field(_ path: String, _ message: LocalizedText) -> LocalizedText {
        .verbatim("\(path): ") + message
    }

    /// Every value escaped for a terminal: messages quote manifest values.
    var escaped: LocalizedText {
        mappingValues(TerminalText.escape)
    }
}
