import Foundation
import Localization
import Testing

/// Every catalog says everything English says, with the same placeholders, and nothing in one can
/// disturb a terminal. A key used in the sources and missing from English fails here, not in a run.
@Suite struct CatalogCoverageTests {
    static let english = (try? MessageCatalog.parse(CatalogLocale.english.catalogBytesForTests)) ?? [:]

    @Test(arguments: CatalogLocale.allCases)
    func catalogParses(_ locale: CatalogLocale) throws {
        _ = try MessageCatalog.parse(locale.catalogBytesForTests)
    }

    @Test(arguments: CatalogLocale.allCases)
    func everyKeyInEveryLocale(_ locale: CatalogLocale) throws {
        let templates = try MessageCatalog.parse(locale.catalogBytesForTests)
        let missing = Set(Self.english.keys).subtracting(templates.keys).sorted()
        let extra = Set(templates.keys).subtracting(Self.english.keys).sorted()
        #expect(missing.isEmpty, "\(locale.rawValue) lacks \(missing)")
        #expect(extra.isEmpty, "\(locale.rawValue) has keys English does not: \(extra)")
    }

    @Test(arguments: CatalogLocale.allCases)
    func placeholdersMatchEnglish(_ locale: CatalogLocale) throws {
        let templates = try MessageCatalog.parse(locale.catalogBytesForTests)
        for (key, englishText) in Self.english {
            guard let text = templates[key] else { continue }
            let expected = MessageTemplate(englishText).placeholders.sorted()
            let actual = MessageTemplate(text).placeholders.sorted()
            #expect(actual == expected, "\(locale.rawValue) \(key): placeholders \(actual), English has \(expected)")
        }
    }

    /// Right-to-left text is stored in logical order: no direction marks, embeddings or isolates, no
    /// Arabic presentation forms, and no control characters in any catalog.
    @Test(arguments: CatalogLocale.allCases)
    func noDirectionOrControlCharacters(_ locale: CatalogLocale) throws {
        let templates = try MessageCatalog.parse(locale.catalogBytesForTests)
        for (key, text) in templates {
            let offending = text.unicodeScalars.filter(Self.isForbidden)
            #expect(offending.isEmpty, "\(locale.rawValue) \(key) contains \(offending.map { String($0.value, radix: 16) })")
        }
    }

    @Test func everyKeyTheSourcesUseIsInEnglish() throws {
        let used = try SourceKeyScanner.keysUsed(under: SourceKeyScanner.sourcesDirectory)
        let missing = used.subtracting(Self.english.keys).sorted()
        #expect(missing.isEmpty, "keys used in Sources/ but missing from en.json: \(missing)")
    }

    @Test func everyEnglishKeyIsUsed() throws {
        let used = try SourceKeyScanner.keysUsed(under: SourceKeyScanner.sourcesDirectory)
        let prefixes = try SourceKeyScanner.dynamicPrefixes(under: SourceKeyScanner.sourcesDirectory)
        let unused = Self.english.keys.filter { key in
            !used.contains(key) && !prefixes.contains { key.hasPrefix($0) }
        }.sorted()
        #expect(unused.isEmpty, "keys in en.json that no source file uses: \(unused)")
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0xFB50...0xFDFF, 0xFE70...0xFEFF: true
        default: false
        }
    }
}
