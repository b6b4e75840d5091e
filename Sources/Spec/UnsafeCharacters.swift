import HostCommands
import Localization

/// Characters no manifest value may hold: C0 controls other than tab and newline, DEL, C1 controls,
/// the Unicode bidirectional controls and the line separators. Any of them can rewrite a terminal, hide
/// text in a review (`U+202E`), or end a line where a host reads one command per line.
public enum UnsafeCharacters {
    /// Whether `scalar` is refused everywhere; tab and newline are refused only in one-line fields.
    /// The set is the one `TerminalText` escapes on output, so what is refused here is exactly what
    /// could rewrite a terminal there.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && scalar != "\n" && TerminalText.isUnsafe(scalar)
    }

    /// The first character `text` may not hold, described for an error (`U+001B`), or nil.
    /// `multiline` permits tab and newline; one-line fields refuse them too.
    public static func problem(in text: String, multiline: Bool) -> LocalizedMessage? {
        // Printable ASCII, nearly every value of every manifest, holds nothing to refuse.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return nil }
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { return LocalizedMessage("spec.controlCharacter", ["codePoint": codePoint(scalar)]) }
            if !multiline && scalar == "\n" { return LocalizedMessage("spec.oneLineHasLineBreak") }
            if !multiline && scalar == "\t" { return LocalizedMessage("spec.oneLineHasTab") }
        }
        return nil
    }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
