/// An error the engine reports to the user: what failed, in words, with the cause kept for detail.
public struct ReconcileError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case connectionFailed
        case observationFailed
        case stepFailed
        case planOutdated
        case invalidPlanFile
        case unsupported
        case timeout
        /// Another apply holds the hypervisor's lock (or the local state directory's).
        case locked
    }

    public var code: Code
    public var message: String
    public var cause: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        guard let cause else { return message }
        return "\(message): \(cause)"
    }
}
