/// A message decided now and worded later: the key and its arguments travel with a plan or an error,
/// so a terminal shows it in the user's language while JSON and saved plans keep the English text.
public struct LocalizedMessage: Sendable, Hashable, Codable, CustomStringConvertible {
    public let key: String
    public let arguments: [String: String]
    /// Arguments that are words of reconcile's own, already worded in every catalog language (an
    /// error's text, another message), by placeholder and then by locale: the message is still plain
    /// strings, yet shows the nested words in the reader's language.
    public let wordedArguments: [String: [CatalogLocale: String]]

    public init(_ key: String, _ arguments: [String: String] = [:]) {
        self.init(key, arguments, worded: [:])
    }

    public init(_ key: String, _ arguments: [String: String], worded: [String: [CatalogLocale: String]]) {
        self.key = key
        self.arguments = arguments
        self.wordedArguments = worded
    }

    /// A message with other messages in its placeholders (`{detail}` filled with why), each worded
    /// in the same language as the message around it.
    public init(_ key: String, _ arguments: [String: String] = [:], nested: [String: LocalizedMessage]) {
        self.init(key, arguments, worded: nested.mapValues(\.textInEveryLocale))
    }

    /// The message in every catalog language.
    public var textInEveryLocale: [CatalogLocale: String] {
        Localizer.inEveryLocale { text($0) }
    }

    /// The arguments to fill the template of `locale` with.
    public func arguments(for locale: CatalogLocale) -> [String: String] {
        arguments.merging(wordedArguments.compactMapValues { $0[locale] ?? $0[.english] }) { given, _ in given }
    }

    /// The same message with every value from outside passed through `transform` (escaping, redacting).
    public func mappingValues(_ transform: (String) -> String) -> LocalizedMessage {
        LocalizedMessage(key, arguments.mapValues(transform), worded: wordedArguments.mapValues { $0.mapValues(transform) })
    }

    public func text(_ localizer: Localizer = .current) -> String {
        localizer.text(self)
    }

    /// The English wording, for machine-read output whatever the locale.
    public var english: String { Localizer.english.text(self) }

    /// In the user's language: `"\(message)"` and `String(describing:)` are what people read.
    public var description: String { text() }

    enum CodingKeys: String, CodingKey { case key, arguments, wordedArguments }

    /// Locales by their catalog names, and no `wordedArguments` when there are none, so messages
    /// encoded before nesting existed read back the same.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let worded = try container.decodeIfPresent([String: [String: String]].self, forKey: .wordedArguments) ?? [:]
        self.init(try container.decode(String.self, forKey: .key), try container.decode([String: String].self, forKey: .arguments),
                  worded: worded.mapValues { texts in
                      Dictionary(uniqueKeysWithValues: texts.compactMap { name, text in CatalogLocale(rawValue: name).map { ($0, text) } })
                  })
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(arguments, forKey: .arguments)
        if !wordedArguments.isEmpty {
            try container.encode(wordedArguments.mapValues { texts in
                Dictionary(uniqueKeysWithValues: texts.map { ($0.key.rawValue, $0.value) })
            }, forKey: .wordedArguments)
        }
    }
}
