import Localization

/// A sentence saying what went wrong with an unattended run's option, git source or metrics file.
/// `description` is English (pass events and logs carry it); `text(_:)` words it for people.
public struct UnattendedError: Error, Sendable, CustomStringConvertible {
    public var message: LocalizedMessage

    public init(_ message: LocalizedMessage) {
        self.message = message
    }

    /// Text without a catalog entry: the same words in every language.
    public init(_ description: String) {
        self.init(.verbatim(description))
    }

    public var description: String { message.english }

    public func text(_ localizer: Localizer) -> String { message.text(localizer) }
}
