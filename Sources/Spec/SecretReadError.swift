/// Why a secret could not be used. The message names where the secret was looked for, never its content.
public struct SecretReadError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        /// The file or variable is not there (yet); validate leaves this to apply.
        case unavailable
        /// It is there but does not hold what it should.
        case malformed
    }

    public var reason: Reason
    public var message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
