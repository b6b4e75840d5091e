/// Characters no manifest value may hold: C0 controls other than tab and newline, DEL, C1 controls
/// and the Unicode bidirectional overrides and isolates. Any of them can rewrite a terminal, hide
/// text in a review (`U+202E`), or end a line where a host reads one command per line.
public enum UnsafeCharacters {
    /// Whether `scalar` is refused everywhere; tab and newline are refused only in one-line fields.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The first character `text` may not hold, described for an error (`U+001B`), or nil.
    /// `multiline` permits tab and newline; one-line fields refuse them too.
    public static func problem(in text: String, multiline: Bool) -> String? {
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { return "contains the control character \(codePoint(scalar))" }
            if !multiline && (scalar == "\n" || scalar == "\t") {
                return "must be one line (it contains \(scalar == "\n" ? "a line break" : "a tab"))"
            }
        }
        return nil
    }

    /// `text` with every unsafe character, tab and newline written as `\u{XXXX}`: what error
    /// messages show, so a manifest cannot send escape sequences to the terminal reading them.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) || $0 == "\n" || $0 == "\t" || $0 == "\r" }) else {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) || scalar == "\n" || scalar == "\t" {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
