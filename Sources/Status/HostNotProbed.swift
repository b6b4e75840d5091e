import HostCommands
import Localization

/// Why a host's machine was not probed, as a message: pages word it in the reader's language, while
/// JSON's `cardsNote` holds its English words.
public struct HostNotProbed: LocalizedDescription, Sendable {
    public var message: LocalizedMessage

    public init(_ message: LocalizedMessage) {
        self.message = message
    }

    public func description(_ localizer: Localizer) -> String { localizer.text(message) }
}
