/// The fields of /etc/os-release (os-release(5)): KEY=value lines, values
/// optionally quoted with shell-style escapes, `#` comments.
public struct OSRelease: Sendable, Equatable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    public init(parsing text: String) {
        var fields: [String: String] = [:]
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimmingWhitespace
            guard !line.isEmpty, !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals])
            fields[key] = Self.unquote(line[line.index(after: equals)...])
        }
        self.fields = fields
    }

    static func unquote(_ raw: Substring) -> String {
        guard let quote = raw.first, quote == "\"" || quote == "'", raw.count >= 2, raw.last == quote else {
            return String(raw)
        }
        let inner = raw.dropFirst().dropLast()
        if quote == "'" { return String(inner) }
        var result = ""
        var escaping = false
        for character in inner {
            if escaping {
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Lower-case distribution id; os-release(5) defaults it to "linux".
    public var id: String { fields["ID"]?.lowercased() ?? "linux" }
    public var versionID: String? { fields["VERSION_ID"] }
    public var idLike: [String] {
        (fields["ID_LIKE"] ?? "").split(separator: " ").map { $0.lowercased() }
    }
    public var prettyName: String? { fields["PRETTY_NAME"] }
}
