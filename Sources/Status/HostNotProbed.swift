import Localization

/// Why a host's machine was not probed, as a message: pages word it in the reader's language, while
/// `description` (what JSON's `cardsNote` holds) stays English.
public struct HostNotProbed: Error, Sendable, CustomStringConvertible {
    public var message: LocalizedMessage

    public init(_ message: LocalizedMessage) {
        self.message = message
    }

    public var description: String { message.english }
}
