/// The one error type of the Provisioning module.
///
/// `code` lets callers branch; `message` names what failed (URL, command, exit
/// status, stderr) and never carries a secret.
public struct ProvisioningError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        case invalidArgument
        case notFound
        case checksumMismatch
        case downloadFailed
        case commandFailed
        case toolMissing
        case timeout
        case hostKeyMismatch
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message alone: people read it in plans and errors, and `code` is for callers to branch on.
    public var description: String { message }
}
