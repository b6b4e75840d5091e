import Foundation
import Localization
import Spec
import Testing

/// Validation messages in every catalog language: the words change, the position, the severity, the
/// field path and the values quoted from the manifest do not, and JSON stays English.
@Suite("Validation messages in 14 languages")
struct LocalizedDiagnosticsTests {
    /// Four kinds of mistake, each in a file of its own: a tab or a duplicate key stops YAML parsing of
    /// the file it is in.
    static let files = [
        "fields.yaml": """
            apiVersion: reconcile/v1
            kind: VirtualMachine
            metadata:
              name: web
            spec:
              cpu: 2
              memory: 2048
            """,
        "tab.yaml": "apiVersion: reconcile/v1\nkind: Network\nmetadata:\n\tname: lan\n",
        "duplicate.yaml": """
            apiVersion: reconcile/v1
            kind: Network
            metadata:
              name: lan2
              name: lan3
            spec: {}
            """,
    ]

    static func diagnostics() throws -> (fixture: ManifestFixture, diagnostics: [Diagnostic]) {
        let fixture = try ManifestFixture(files)
        let diagnostics = fixture.diagnostics()
        return (fixture, diagnostics)
    }

    /// Whether some catalog message of `text` reads differently in `locale` than in English: what a
    /// translated message must show, and all an untranslated one (a legitimately identical wording) may.
    static func hasTranslatedWords(_ text: LocalizedText, in locale: CatalogLocale) -> Bool {
        let catalog = MessageCatalog(locale: locale).templates
        let english = MessageCatalog(locale: .english).templates
        func differs(_ message: LocalizedMessage) -> Bool { catalog[message.key] != english[message.key] }
        return text.parts.contains { part in
            guard case .message(let message, let nested) = part else { return false }
            return differs(message) || nested.values.contains(where: differs)
        }
    }

    @Test("every message is translated; FILE:LINE:COLUMN, severity, field path and values stay", arguments: CatalogLocale.allCases)
    func translated(locale: CatalogLocale) throws {
        let (fixture, diagnostics) = try Self.diagnostics()
        let localizer = Localizer(locale: locale)
        let byField = Dictionary(diagnostics.compactMap { d in d.field.map { ($0, d) } }, uniquingKeysWith: { first, _ in first })
        let cpu = try #require(byField["spec.cpu"])
        let memory = try #require(byField["spec.memory"])
        let duplicate = try #require(byField["metadata.name"])
        let tab = try #require(diagnostics.first { $0.location.file == fixture.file("tab.yaml") })
        #expect("\(cpu.location)" == "\(fixture.file("fields.yaml")):6:3")
        #expect("\(memory.location)" == "\(fixture.file("fields.yaml")):7:11")
        #expect("\(duplicate.location)" == "\(fixture.file("duplicate.yaml")):5:3")
        #expect("\(tab.location)" == "\(fixture.file("tab.yaml")):4:1")

        for diagnostic in [cpu, memory, duplicate, tab] {
            let line = diagnostic.line(localizer)
            let english = diagnostic.line(.english)
            let prefix = "\(diagnostic.location): error: " + (diagnostic.field.map { "\($0): " } ?? "")
            #expect(line.hasPrefix(prefix), "\(line)")
            #expect(english.hasPrefix(prefix), "\(english)")
            if locale == .english {
                #expect(line == english)
            } else {
                #expect(Self.hasTranslatedWords(diagnostic.text, in: locale), "untranslated in \(locale): \(english)")
                #expect(line != english, "\(locale): \(line)")
            }
            // What JSON and logs read is English whatever the locale.
            #expect(diagnostic.message == String(english.dropFirst("\(diagnostic.location): error: ".count)))
        }
        // Values from the manifest and what to write instead appear as written.
        #expect(cpu.line(localizer).contains("'cpu'") && cpu.line(localizer).contains("'cpus'"), "\(cpu.line(localizer))")
        #expect(memory.line(localizer).contains("2048MiB") && memory.line(localizer).contains("2048B"), "\(memory.line(localizer))")
        #expect(duplicate.line(localizer).contains("'name'") && duplicate.line(localizer).contains("4"), "\(duplicate.line(localizer))")
        #expect(!tab.line(localizer).contains("\t"))
    }

    @Test("the English texts are the ones reconcile always printed")
    func english() throws {
        let (_, diagnostics) = try Self.diagnostics()
        let messages = Set(diagnostics.map(\.message))
        #expect(messages.contains("spec.cpu: unknown field 'cpu' (did you mean 'cpus'?)"))
        #expect(messages.contains("spec.memory: '2048' has no unit: write 2048MiB, 2048GiB, or 2048B if you mean bytes"))
        #expect(messages.contains("metadata.name: duplicate key 'name' (first written at line 4, column 3)"))
        #expect(messages.contains("invalid YAML: tab characters are not allowed in YAML indentation; indent with spaces"))
    }

    @Test("the encoded diagnostics are English and the same bytes in every locale")
    func json() throws {
        let (_, diagnostics) = try Self.diagnostics()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(diagnostics)
        let decoded = try JSONDecoder().decode([Diagnostic].self, from: data)
        #expect(decoded.map(\.message) == diagnostics.map(\.message))
        #expect(decoded.map(\.field) == diagnostics.map(\.field))
        // A decoded diagnostic keeps its English words in every language: they are all it has.
        for locale in CatalogLocale.allCases {
            #expect(decoded.map { $0.line(Localizer(locale: locale)) } == diagnostics.map { $0.line(.english) })
        }
    }

    @Test("values quoted in messages are escaped for the terminal in every language", arguments: CatalogLocale.allCases)
    func escaped(locale: CatalogLocale) {
        let location = SourceLocation(file: "m.yaml", line: 3, column: 5)
        let diagnostic = Diagnostic(location, field: "spec.x", .field("spec.x", LocalizedText(
            LocalizedMessage("spec.unknownField", ["key": "a\u{1b}[31mb\u{202e}"])) + LocalizedMessage("spec.didYouMean", ["candidate": "\u{07}c"])))
        let line = diagnostic.line(Localizer(locale: locale))
        #expect(!line.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{202e}" || $0 == "\u{07}" }, "\(line)")
        #expect(line.contains("a\\u{1b}[31mb\\u{202e}"))
        #expect(line.contains("\\u{7}c"))
    }

    @Test("validate's resource summary is counted in every language, English as before", arguments: CatalogLocale.allCases)
    func summary(locale: CatalogLocale) throws {
        let set = try ManifestFixture([Manifests.document("Network", "lab", "mode: isolated"),
                                       Manifests.document("Network", "dmz", "mode: isolated")].joined(separator: "\n---\n") + "\n").load()
        #expect(set.summaryText.english == "2 networks")
        let text = set.summaryText.text(Localizer(locale: locale))
        #expect(text.contains("2"), "\(text)")
        #expect((text != "2 networks") == Self.hasTranslatedWords(set.summaryText, in: locale), "\(locale): \(text)")
        #expect(ManifestSet().summaryText.english == "no resources")
    }
}

