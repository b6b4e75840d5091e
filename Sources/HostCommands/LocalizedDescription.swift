import Localization

/// An error that words itself in any catalog language: `description` is the user's language, for
/// terminals; `englishDescription` is for what programs read (JSON reports, saved plans, status JSON).
public protocol LocalizedDescription: Error, CustomStringConvertible {
    func description(_ localizer: Localizer) -> String
}

extension LocalizedDescription {
    public var description: String { description(.current) }
    public var englishDescription: String { description(.english) }
}

/// Any error's text in a given language: its own words when it is a `LocalizedDescription`, else
/// `"\(error)"` (which is then the same in every language).
public enum ErrorText {
    public static func text(_ error: any Error, _ localizer: Localizer) -> String {
        (error as? any LocalizedDescription)?.description(localizer) ?? "\(error)"
    }

    public static func english(_ error: any Error) -> String {
        text(error, .english)
    }
}
