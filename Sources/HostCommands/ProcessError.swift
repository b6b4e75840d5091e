/// Why a program run produced no result (a non-zero exit is a result, not this error).
///
/// `message` starts with the command line so that a log line alone says what failed;
/// callers that have their own error type keep `message` word for word.
public struct ProcessError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// The program could not be started, or its output went over the limit.
        case cannotRun
        /// The program did not exit within the timeout and was torn down.
        case timeout
    }

    public let code: Code
    public let message: String
    /// What swift-subprocess threw, for callers that have always shown that error as it is.
    public let underlying: (any Error)?

    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }
}
