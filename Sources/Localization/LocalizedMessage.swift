/// A message decided now and worded later: the key and its arguments travel with a plan or an error,
/// so a terminal shows it in the user's language while JSON and saved plans keep the English text.
public struct LocalizedMessage: Sendable, Hashable, Codable, CustomStringConvertible {
    public let key: String
    public let arguments: [String: String]

    public init(_ key: String, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    public func text(_ localizer: Localizer = .current) -> String {
        localizer.text(self)
    }

    /// The English wording, for machine-read output whatever the locale.
    public var english: String { Localizer.english.text(self) }

    /// In the user's language: `"\(message)"` and `String(describing:)` are what people read.
    public var description: String { text() }
}
