extension TerminalText {
    /// `text` padded with spaces to `width` characters, for table columns. Foundation's
    /// `padding(toLength:)` counts UTF-16 units, so it cuts Devanagari or combining marks short of a
    /// width measured in characters; this never cuts.
    public static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
