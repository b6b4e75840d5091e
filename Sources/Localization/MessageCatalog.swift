import Foundation

/// One locale's messages, keyed `area.name` (`plan.summary`). A catalog file is a JSON object of areas,
/// each an object of names and templates, so that separate parts of the program keep separate sections.
public struct MessageCatalog: Sendable {
    public let locale: CatalogLocale
    public let templates: [String: String]

    public init(locale: CatalogLocale) {
        self.locale = locale
        self.templates = (try? MessageCatalog.parse(locale.catalogJSON)) ?? [:]
    }

    /// Flattens `{"plan": {"summary": "…"}}` to `["plan.summary": "…"]`. Throws on a file that is not
    /// that shape; LocalizationTests parse every catalog with this, so a broken file fails the tests
    /// rather than a user's run.
    public static func parse(_ bytes: [UInt8]) throws -> [String: String] {
        let areas = try CatalogJSONReader.areas(bytes)
        var templates: [String: String] = [:]
        for (area, entries) in areas {
            for (name, template) in entries {
                templates["\(area).\(name)"] = template
            }
        }
        return templates
    }
}
