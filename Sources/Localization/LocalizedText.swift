/// Text made of catalog messages in a row (a field path, what is wrong, a "did you mean"), each worded
/// in the reader's language when shown and in English for JSON and other machine-read output. A part
/// may fill a placeholder with another message (`got {kind}` with `a list`) in the same language, so a
/// translation can put it wherever its grammar wants it.
public struct LocalizedText: Sendable, Hashable, CustomStringConvertible {
    public enum Part: Sendable, Hashable {
        case message(LocalizedMessage, nested: [String: LocalizedMessage])
        /// Words that are the same in every language: a field path, a URL, another program's output.
        case verbatim(String)

        func text(_ localizer: Localizer) -> String {
            switch self {
            case .message(let message, let nested):
                let arguments = message.arguments(for: localizer.locale).merging(nested.mapValues { $0.text(localizer) }) { given, _ in given }
                return localizer.text(message.key, arguments)
            case .verbatim(let text):
                return text
            }
        }

        func mappingValues(_ transform: (String) -> String) -> Part {
            switch self {
            case .message(let message, let nested):
                return .message(message.mappingValues(transform), nested: nested.mapValues { $0.mappingValues(transform) })
            case .verbatim(let text): return .verbatim(transform(text))
            }
        }
    }

    public private(set) var parts: [Part]

    public init(_ message: LocalizedMessage, nested: [String: LocalizedMessage] = [:]) {
        parts = [.message(message, nested: nested)]
    }

    public init(parts: [Part]) {
        self.parts = parts
    }

    public static func verbatim(_ text: String) -> LocalizedText {
        LocalizedText(parts: [.verbatim(text)])
    }

    public static func + (lhs: LocalizedText, rhs: LocalizedText) -> LocalizedText {
        LocalizedText(parts: lhs.parts + rhs.parts)
    }

    public static func + (lhs: LocalizedText, rhs: LocalizedMessage) -> LocalizedText {
        lhs + LocalizedText(rhs)
    }

    public static func + (lhs: LocalizedText, rhs: LocalizedMessage?) -> LocalizedText {
        rhs.map { lhs + $0 } ?? lhs
    }

    /// `texts` one after another with `separator` between each two (a list, "; "-separated notes).
    public static func joined(_ texts: [LocalizedText], separator: LocalizedText) -> LocalizedText {
        LocalizedText(parts: texts.enumerated().flatMap { index, text in (index == 0 ? [] : separator.parts) + text.parts })
    }

    public func text(_ localizer: Localizer = .current) -> String {
        parts.map { $0.text(localizer) }.joined()
    }

    public var english: String { text(.english) }

    public var description: String { text() }

    /// The same text with every value from outside (arguments and verbatim parts) passed through
    /// `transform`: escaping for a terminal, redacting credentials. Catalog templates are left as they
    /// are; the localization tests keep them free of control characters.
    public func mappingValues(_ transform: (String) -> String) -> LocalizedText {
        LocalizedText(parts: parts.map { $0.mappingValues(transform) })
    }
}
