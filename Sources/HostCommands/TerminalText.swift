/// Makes text from hosts and manifests safe to print on a terminal.
///
/// Names, paths, URLs and libvirt's messages come from machines reconcile does not control. Printed
/// raw, an escape sequence in a domain name could recolour, erase or overwrite plan lines, and a
/// bidirectional override could reorder them: a reviewer would read a plan that is not the one
/// applied. Control characters (C0, DEL, C1) and the bidi controls are shown as `\u{1b}`-style escapes.
public enum TerminalText {
    /// `text` with every control and bidi character replaced by a visible escape; a line break
    /// too, since host text on a line of its own could pass for a line of the plan.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Every character `escape` replaces: the same set a manifest may not hold (see
    /// `UnsafeCharacters`), plus the line breaks and tabs a multi-line manifest value may hold.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidi embeddings, overrides and isolates, the directional marks and the line separators.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }
}
