/// The languages reconcile's messages are written in. A catalog exists for each, and every catalog has
/// every key (LocalizationTests).
public enum CatalogLocale: String, Sendable, CaseIterable, Codable {
    case arabic = "ar"
    case german = "de"
    case english = "en"
    case spanish = "es"
    case french = "fr"
    case hindi = "hi"
    case italian = "it"
    case japanese = "ja"
    case korean = "ko"
    case dutch = "nl"
    case portuguese = "pt"
    case russian = "ru"
    case simplifiedChinese = "zh_CN"
    case traditionalChinese = "zh_TW"

    /// Text whose paragraphs run right to left. Catalog text stays in logical order either way: the
    /// terminal's bidi algorithm (or its absence) decides the display, never reordered characters.
    public var isRightToLeft: Bool { self == .arabic }

    /// The locale POSIX would pick for messages: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is
    /// set and not empty. English when none is, for `C`/`POSIX`, and for languages without a catalog.
    public static func resolve(environment: [String: String]) -> CatalogLocale {
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty {
                return CatalogLocale(posixName: value) ?? .english
            }
        }
        return .english
    }

    /// `de_DE.UTF-8`, `pt_BR`, `zh_TW.Big5`, `sr_RS@latin`: language, territory, then codeset and
    /// modifier, which say nothing about the language of messages.
    public init?(posixName: String) {
        let withoutModifier = posixName.split(separator: "@", maxSplits: 1).first.map(String.init) ?? posixName
        let name = withoutModifier.split(separator: ".", maxSplits: 1).first.map(String.init) ?? withoutModifier
        let parts = name.split(whereSeparator: { $0 == "_" || $0 == "-" }).map(String.init)
        guard let language = parts.first?.lowercased(), !language.isEmpty else { return nil }
        let territory = parts.count > 1 ? parts[1].uppercased() : nil
        if language == "zh" {
            // Traditional characters where they are written: Taiwan, Hong Kong, Macau; a script tag
            // (`zh_Hant`) says so directly.
            let traditional = ["TW", "HK", "MO", "HANT"]
            self = territory.map(traditional.contains) == true ? .traditionalChinese : .simplifiedChinese
            return
        }
        guard let locale = CatalogLocale(rawValue: language) else { return nil }
        self = locale
    }
}
