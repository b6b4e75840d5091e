import HostCommands
import Localization

/// An error the engine reports to the user: what failed, in words, with the cause kept for detail.
/// `description` is English (it lands in JSON reports and logs); `text(_:)` words it for a terminal,
/// and so does `ErrorText.text(_:_:)` for an error of any type.
public struct ReconcileError: LocalizedDescription, Sendable {
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
    public var localizedMessage: LocalizedMessage
    public var cause: (any Error & Sendable)?
    /// What the user can do about it, one suggestion a line; shown after the error.
    public var localizedHints: [LocalizedMessage]

    public init(_ code: Code, _ message: LocalizedMessage, cause: (any Error & Sendable)? = nil, hints: [LocalizedMessage] = []) {
        self.code = code
        self.localizedMessage = message
        self.cause = cause
        self.localizedHints = hints
    }

    /// A message without a catalog entry: the same words in every language.
    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil, hints: [String] = []) {
        self.init(code, .verbatim(message), cause: cause, hints: hints.map(LocalizedMessage.verbatim))
    }

    /// In English, like `description`.
    public var message: String { localizedMessage.english }
    public var hints: [String] { localizedHints.map(\.english) }

    public var description: String { text(.english) }

    /// The error in `localizer`'s language, its cause too when that can be worded (libvirt's own words
    /// stay as they came).
    public func text(_ localizer: Localizer) -> String {
        let message = localizedMessage.text(localizer)
        guard let cause else { return message }
        return "\(message): \(ErrorText.text(cause, localizer))"
    }

    public func description(_ localizer: Localizer) -> String { text(localizer) }

    public func hints(_ localizer: Localizer) -> [String] {
        localizedHints.map { $0.text(localizer) }
    }
}
