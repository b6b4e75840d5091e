import HostCommands
import Localization

/// One problem found in the manifests, printed as `FILE:LINE:COLUMN: error: MESSAGE`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var severity: Severity
    /// The dotted path of the field at fault (`spec.disks[0].size`), when there is one.
    public var field: String?
    /// The message in every language; `message` is its English wording.
    public var text: DiagnosticText

    public init(_ location: SourceLocation, field: String? = nil, _ text: DiagnosticText, severity: Severity = .error) {
        self.location = location
        self.field = field
        // Messages quote manifest values; none may reach a terminal as a control sequence.
        self.text = text.escaped
        self.severity = severity
    }

    public init(_ location: SourceLocation, field: String? = nil, _ message: LocalizedMessage, severity: Severity = .error) {
        self.init(location, field: field, DiagnosticText(message), severity: severity)
    }

    /// The English wording, as `validate --output json` reports it whatever the locale.
    public var message: String { text.english }

    /// `FILE:LINE:COLUMN: error: MESSAGE` with the message in `localizer`'s language; the position and
    /// the severity stay as compilers write them, for tools that parse them.
    public func line(_ localizer: Localizer = .current) -> String {
        "\(TerminalText.escape(location.description)): \(severity.rawValue): \(text.text(localizer))"
    }

    public var description: String { line() }

    private enum CodingKeys: String, CodingKey { case location, severity, field, message }

    // Encoded as before localization: the message is its English text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location, forKey: .location)
        try container.encode(severity, forKey: .severity)
        try container.encodeIfPresent(field, forKey: .field)
        try container.encode(message, forKey: .message)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(SourceLocation.self, forKey: .location),
                  field: try container.decodeIfPresent(String.self, forKey: .field),
                  // Only the English words were saved: they are what a decoded diagnostic shows in every language.
                  LocalizedText.verbatim(try container.decode(String.self, forKey: .message)),
                  severity: try container.decode(Severity.self, forKey: .severity))
    }
}
