/// How text output marks good and bad: ✓/✗ and colour on a terminal,
/// plain words otherwise (logs, pipes, NO_COLOR).
public struct TextStyle: Sendable, Equatable {
    public var symbols: Bool
    public var color: Bool

    public init(symbols: Bool, color: Bool) {
        self.symbols = symbols
        self.color = color
    }

    public static let plain = TextStyle(symbols: false, color: false)

    /// Symbols only on a terminal; colour only on a terminal and never when
    /// NO_COLOR is set to anything (https://no-color.org).
    public static func forOutput(isTerminal: Bool, environment: [String: String]) -> TextStyle {
        TextStyle(symbols: isTerminal, color: isTerminal && environment["NO_COLOR"] == nil)
    }

    /// `yes` and `no` are the words for plain output, in the reader's language.
    func mark(_ ok: Bool, _ label: String, yes: String = "yes", no: String = "no") -> String {
        let text = symbols ? "\(ok ? "✓" : "✗") \(label)" : "\(label):\(ok ? yes : no)"
        return paint(text, ok ? .green : .red)
    }

    var arrow: String { symbols ? "→" : "->" }

    enum Color: String {
        case green = "32", red = "31", yellow = "33", bold = "1"
    }

    func paint(_ text: String, _ color: Color) -> String {
        self.color ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
