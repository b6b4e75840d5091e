import HostCommands
import Localization

/// Why something failed, worded in every catalog language while the error is at hand: errors are
/// neither Sendable nor Hashable, yet the reason travels (as a cause, in a plan's unreachable hosts)
/// and is shown later, in the reader's language on a terminal and in English in JSON.
public struct ErrorWording: LocalizedDescription, Sendable, Hashable {
    /// The reason in every catalog language, as a message's worded argument takes it.
    public let texts: [CatalogLocale: String]

    public init(_ error: any Error) {
        texts = Localizer.inEveryLocale { ErrorText.text(error, $0) }
    }

    /// A reason decided with a catalog key rather than caught as an error.
    public init(_ message: LocalizedMessage) {
        texts = message.textInEveryLocale
    }

    public func description(_ localizer: Localizer) -> String {
        texts[localizer.locale] ?? texts[.english] ?? ""
    }

    public func text(_ localizer: Localizer = .current) -> String { description(localizer) }

    public var english: String { description(.english) }
}
