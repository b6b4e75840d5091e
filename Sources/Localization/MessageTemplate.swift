/// A catalog string with named placeholders: `Plan: {create} to create`. Names, not positions, so a
/// translation may put them in any order its grammar needs.
public struct MessageTemplate: Sendable, Hashable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    /// The placeholder names, in order of appearance.
    public var placeholders: [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = rest[afterOpen..<close]
            if !name.isEmpty, name.allSatisfy(MessageTemplate.isNameCharacter) {
                names.append(String(name))
            }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The text with each `{name}` replaced by its argument; a placeholder without one stays as it is,
    /// visibly, rather than vanishing from the sentence. Arguments are inserted once, never re-scanned,
    /// so a value that contains braces is shown verbatim.
    public func filled(with arguments: [String: String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else {
                rest = rest[open...]
                break
            }
            let name = String(rest[afterOpen..<close])
            if let value = arguments[name] {
                result += value
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }
}
