import HostCommands

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
    public var message: String

    public init(_ location: SourceLocation, field: String? = nil, _ message: String, severity: Severity = .error) {
        self.location = location
        self.field = field
        // Messages quote manifest values; none may reach a terminal as a control sequence.
        self.message = TerminalText.escape(message)
        self.severity = severity
    }

    public var description: String {
        "\(TerminalText.escape(location.description)): \(severity.rawValue): \(message)"
    }
}
