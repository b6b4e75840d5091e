import Localization

/// Why a program run produced no result (a non-zero exit is a result, not this error).
///
/// The text starts with the command line so that a log line alone says what failed. `description`
/// words it in the user's language for the terminal; `message` (like `englishDescription`) is the
/// English form for logs and JSON. Callers that have their own error type keep `text` as it is.
public struct ProcessError: LocalizedDescription, Sendable {
    public enum Code: String, Sendable, Equatable {
        /// The program could not be started, or its output went over the limit.
        case cannotRun
        /// The program did not exit within the timeout and was torn down.
        case timeout
    }

    public let code: Code
    /// What failed, worded when shown.
    public let text: LocalizedText
    /// What swift-subprocess threw, for callers that have always shown that error as it is.
    public let underlying: (any Error)?

    public init(_ code: Code, _ message: LocalizedMessage, underlying: (any Error)? = nil) {
        self.code = code
        self.text = LocalizedText(message)
        self.underlying = underlying
    }

    /// Text with no catalog entry (a test fixture's, a programming mistake's): the same in every language.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.init(code, .verbatim(message), underlying: underlying)
    }

    /// In English, for logs and JSON.
    public var message: String { text.english }

    public func description(_ localizer: Localizer) -> String {
        text.text(localizer)
    }
}
