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
        /// The named object does not exist.
        case notFound
        /// An imperative command aimed at an object reconcile did not create, without --force.
        case notManaged
        /// Another apply holds the hypervisor's lock (or the local state directory's).
        case locked
    }

    public var code: Code
    public var message: String
    public var cause: (any Error & Sendable)?
    /// What the user can do about it, one suggestion a line; shown after the error.
    public var hints: [String]

    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil, hints: [String] = []) {
        self.code = code
        self.message = message
        self.cause = cause
        self.hints = hints
    }

    public var description: String {
        guard let cause else { return message }
        return "\(message): \(cause)"
    }
}
