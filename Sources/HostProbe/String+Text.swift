extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// The text without surrounding single or double quotes (YAML scalars).
    var trimmingQuotes: String {
        let isQuote: (Character) -> Bool = { $0 == "'" || $0 == "\"" }
        guard let first = firstIndex(where: { !isQuote($0) }),
              let last = lastIndex(where: { !isQuote($0) }) else { return "" }
        return String(self[first...last])
    }
}
