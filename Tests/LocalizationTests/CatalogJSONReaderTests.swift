import Foundation
import Testing
@testable import Localization

/// The catalog reader replaces JSONDecoder on every run: it must read every catalog, and every JSON
/// string escape, exactly as JSONDecoder does.
@Suite struct CatalogJSONReaderTests {
    static func decoded(_ bytes: [UInt8]) throws -> [String: [String: String]] {
        try JSONDecoder().decode([String: [String: String]].self, from: Data(bytes))
    }

    @Test("every catalog reads as JSONDecoder reads it", arguments: CatalogLocale.allCases)
    func catalogs(locale: CatalogLocale) throws {
        let bytes = locale.catalogJSON
        let areas = try CatalogJSONReader.areas(bytes)
        #expect(areas == (try Self.decoded(bytes)))
        #expect(areas.values.reduce(0) { $0 + $1.count } > 500)
    }

    @Test("escapes, surrogate pairs, empty objects and whitespace")
    func escapes() throws {
        let text = #" { "a" : { "quote" : "\" \\ \/ \b \f \n \r \t", "u": "\u00e9\u65E5 \uD83D\uDE80 \u0041" , "raw": "é 日本 🚀" },"#
            + "\n\t\"empty\": {} }\n"
        let bytes = Array(text.utf8)
        #expect(try CatalogJSONReader.areas(bytes) == (try Self.decoded(bytes)))
    }

    @Test("anything but an object of objects of strings is refused", arguments: [
        #"{"a": {"b": 1}}"#, #"{"a": ["b"]}"#, #"{"a": {"b": "c"}"#, #"{"a": {"b": "c"}} x"#, #"{"a": {"b": "\x"}}"#,
        #"{"a": {"b": "\uD83D"}}"#, "{\"a\": {\"b\": \"line\nbreak\"}}", #"{"a": {"b": "c",}}"#, "",
    ])
    func malformed(text: String) {
        #expect(throws: CatalogJSONReader.Malformed.self) { try CatalogJSONReader.areas(Array(text.utf8)) }
    }
}
