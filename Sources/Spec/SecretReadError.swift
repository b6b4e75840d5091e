import HostCommands
import Localization

/// Why a secret could not be used. The message names where the secret was looked for, never its content.
/// Thrown on as it is (a seed build step), it words itself in the user's language and in English for JSON.
public struct SecretReadError: LocalizedDescription, Sendable {
    public enum Reason: Sendable {
        /// The file or variable is not there (yet); validate leaves this to apply.
        case unavailable
        /// It is there but does not hold what it should.
        case malformed
    }

    public var reason: Reason
    public var text: DiagnosticText

    public init(_ reason: Reason, _ text: DiagnosticText) {
        self.reason = reason
        self.text = text
    }

    /// The English wording, for errors that travel on to logs and reports.
    public var message: String { text.english }

    public func description(_ localizer: Localizer) -> String { text.text(localizer) }
}
