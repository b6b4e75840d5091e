import HostCommands
import Localization

/// The one error type of the Provisioning module.
///
/// `code` lets callers branch; the text names what failed (URL, command, exit
/// status, stderr) and never carries a secret.
public struct ProvisioningError: LocalizedDescription, Sendable, Equatable {
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
    /// What failed, in the reader's language when shown.
    public let text: LocalizedText

    public init(_ code: Code, _ text: LocalizedText) {
        self.code = code
        self.text = text
    }

    public init(_ code: Code, _ message: LocalizedMessage) {
        self.init(code, LocalizedText(message))
    }

    /// A message worded by its caller (another program's output), the same in every language.
    public init(_ code: Code, _ message: String) {
        self.init(code, LocalizedText.verbatim(message))
    }

    /// The English wording, for logs, JSON and callers that compare messages.
    public var message: String { text.english }

    /// The message alone: people read it in plans and errors, and `code` is for callers to branch on.
    /// As a `LocalizedDescription`, reports that read `ErrorText.english` get the English words.
    public func description(_ localizer: Localizer) -> String { text.text(localizer) }

    public static func == (lhs: ProvisioningError, rhs: ProvisioningError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }
}
