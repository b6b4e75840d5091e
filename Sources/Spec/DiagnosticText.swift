import HostCommands
import Localization

/// The words of a diagnostic: catalog messages in a row (the field path, what is wrong, a "did you
/// mean"), each worded in the reader's language when shown on a terminal and in English for
/// `validate --output json` and everything else machine-read.
public struct DiagnosticText: Sendable, Hashable, CustomStringConvertible {
    /// One catalog message; a `nested` message fills its placeholder in the same language (`got {kind}`
    /// with `a list`), so a translation can put it wherever its grammar wants it.
    public struct Part: Sendable, Hashable {
        public var message: LocalizedMessage
        public var nested: [String: LocalizedMessage]

        func text(_ localizer: Localizer) -> String {
            let arguments = message.arguments.merging(nested.mapValues { $0.text(localizer) }) { given, _ in given }
            return localizer.text(message.key, arguments)
        }
    }

    public private(set) var parts: [Part]

    public init(_ message: LocalizedMessage, nested: [String: LocalizedMessage] = [:]) {
        parts = [Part(message: message, nested: nested)]
    }

    public init(parts: [Part]) {
        self.parts = parts
    }

    /// Text that reads the same in every language: a field path, or a message from code that words
    /// its own text.
    public static func verbatim(_ text: String) -> DiagnosticText {
        DiagnosticText(verbatimMessage(text))
    }

    /// The catalog message `verbatim` is made of, for a placeholder filled with caller-worded text.
    public static func verbatimMessage(_ text: String) -> LocalizedMessage {
        LocalizedMessage("spec.verbatim", ["text": text])
    }

    /// `spec.memory: MESSAGE`: field paths are identifiers and stay as written.
    public static func field(_ path: String, _ message: DiagnosticText) -> DiagnosticText {
        .verbatim("\(path): ") + message
    }

    public static func + (lhs: DiagnosticText, rhs: DiagnosticText) -> DiagnosticText {
        DiagnosticText(parts: lhs.parts + rhs.parts)
    }

    public static func + (lhs: DiagnosticText, rhs: LocalizedMessage) -> DiagnosticText {
        lhs + DiagnosticText(rhs)
    }

    public static func + (lhs: DiagnosticText, rhs: LocalizedMessage?) -> DiagnosticText {
        rhs.map { lhs + $0 } ?? lhs
    }

    public func text(_ localizer: Localizer = .current) -> String {
        parts.map { $0.text(localizer) }.joined()
    }

    public var english: String { text(.english) }

    public var description: String { text() }

    /// Every value escaped for a terminal. Catalog templates hold no control characters (the
    /// localization tests check), so escaping the values escapes the whole text in every language.
    var escaped: DiagnosticText {
        func escape(_ message: LocalizedMessage) -> LocalizedMessage {
            LocalizedMessage(message.key, message.arguments.mapValues(TerminalText.escape))
        }
        return DiagnosticText(parts: parts.map { Part(message: escape($0.message), nested: $0.nested.mapValues(escape)) })
    }
}
