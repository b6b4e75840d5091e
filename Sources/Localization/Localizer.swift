import Foundation

/// Turns message keys into text in one locale, falling back to English for a key the locale lacks
/// (the tests make that never happen in a release) and to the key itself as a last resort.
public struct Localizer: Sendable {
    public let locale: CatalogLocale
    private let catalog: MessageCatalog
    private let fallback: MessageCatalog?

    public init(locale: CatalogLocale) {
        self.locale = locale
        self.catalog = MessageCatalog(locale: locale)
        self.fallback = locale == .english ? nil : MessageCatalog(locale: .english)
    }

    /// The locale of this process, from `LC_ALL`, `LC_MESSAGES` and `LANG` as they were at start.
    public static let current = Localizer(locale: CatalogLocale.resolve(environment: ProcessInfo.processInfo.environment))

    /// For everything machine-read: JSON output, logs' fixed fields, saved plans.
    public static let english = Localizer(locale: .english)

    /// One localizer per catalog, parsed once and only when first needed: for words that must be
    /// ready in every language before anyone knows which will be shown.
    public static let everyLocale = CatalogLocale.allCases.map(Localizer.init(locale:))

    /// `words` in every catalog language, by locale: what a nested argument or an error's wording keeps.
    public static func inEveryLocale(_ words: (Localizer) -> String) -> [CatalogLocale: String] {
        Dictionary(uniqueKeysWithValues: everyLocale.map { ($0.locale, words($0)) })
    }

    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        let template = catalog.templates[key] ?? fallback?.templates[key] ?? key
        return MessageTemplate(template).filled(with: arguments)
    }

    public func text(_ message: LocalizedMessage) -> String {
        text(message.key, message.arguments(for: locale))
    }
}
