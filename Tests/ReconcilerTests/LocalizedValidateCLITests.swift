import Foundation
import Testing

/// `reconcile validate` as a German, Japanese or Egyptian user runs it: the same problems at the same
/// positions in their language, and `--output json` byte for byte what LANG=C prints.
@Suite("validate in the user's language")
struct LocalizedValidateCLITests {
    static let locales = ["de_DE.UTF-8", "ja_JP.UTF-8", "ar_EG.UTF-8"]

    static func run(_ arguments: [String], lang: String) throws -> CLI.Run {
        try CLI.reconcile(arguments, lang: lang)
    }

    /// `FILE:LINE:COLUMN: error: ` of each problem line, and the message after it.
    static func problems(_ output: String) -> [(position: String, message: String)] {
        output.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: ": error: ") else { return nil }
            return (String(line[..<range.upperBound]), String(line[range.upperBound...]))
        }
    }

    @Test("text: positions and field paths as in LANG=C, messages translated", arguments: locales)
    func text(lang: String) throws {
        let fixture = try ManifestFixture(LocalizedDiagnosticsTests.files)
        let english = try Self.run(["validate", fixture.path], lang: "C")
        let localized = try Self.run(["validate", fixture.path], lang: lang)
        #expect(english.status == 1)
        #expect(localized.status == english.status)
        let englishProblems = Self.problems(english.stderr)
        let localizedProblems = Self.problems(localized.stderr)
        #expect(englishProblems.count >= 4)
        #expect(localizedProblems.map(\.position) == englishProblems.map(\.position))
        for (mine, theirs) in zip(localizedProblems, englishProblems) {
            #expect(mine.message != theirs.message, "\(lang): \(mine.message)")
            // The field path leads the message in every language.
            if let path = theirs.message.split(separator: ":").first, path.hasPrefix("spec.") || path.hasPrefix("metadata.") {
                #expect(mine.message.hasPrefix("\(path): "), "\(lang): \(mine.message)")
            }
        }
        #expect(english.stderr.contains("\(fixture.file("fields.yaml")):6:3: error: spec.cpu: unknown field 'cpu' (did you mean 'cpus'?)"))
    }

    @Test("--output json is the same bytes in every language", arguments: locales)
    func json(lang: String) throws {
        let fixture = try ManifestFixture(LocalizedDiagnosticsTests.files)
        let english = try Self.run(["validate", "--output", "json", fixture.path], lang: "C")
        let localized = try Self.run(["validate", "--output", "json", fixture.path], lang: lang)
        #expect(english.stdout.contains("has no unit: write 2048MiB"))
        #expect(localized.status == english.status)
        #expect(localized.stdout == english.stdout)
    }

    @Test("apply --log-format json logs manifest problems in English whatever LANG says", arguments: locales)
    func jsonLog(lang: String) throws {
        let fixture = try ManifestFixture(LocalizedDiagnosticsTests.files)
        let arguments = ["apply", "--log-format", "json", "--connect", "test:///default", fixture.path]
        let english = try Self.run(arguments, lang: "C")
        let localized = try Self.run(arguments, lang: lang)
        #expect(english.status == 1)
        #expect(localized.status == english.status)
        let problems = { (run: CLI.Run) in run.stderr.split(separator: "\n").filter { $0.contains("\"event\":\"error\"") && $0.contains(": error: ") } }
        #expect(problems(english).count >= 4)
        // Lines carry their own timestamps; the messages must be the same.
        let messages = { (run: CLI.Run) in problems(run).map { $0.replacing(/"time":"[^"]*"/, with: "") } }
        #expect(messages(localized) == messages(english))
        #expect(english.stderr.contains("spec.cpu: unknown field 'cpu' (did you mean 'cpus'?)"))
    }

    @Test("installer and cdrom problems: translated on the terminal, positions as in LANG=C, JSON the same bytes", arguments: locales)
    func installer(lang: String) throws {
        let fixture = try ManifestFixture(LocalizedDiagnosticsTests.installerManifests)
        let english = try Self.run(["validate", fixture.path], lang: "C")
        let localized = try Self.run(["validate", fixture.path], lang: lang)
        #expect(english.status == 1 && localized.status == 1)
        let englishProblems = Self.problems(english.stderr)
        let localizedProblems = Self.problems(localized.stderr)
        #expect(englishProblems.count == 2, "\(english.stderr)")
        #expect(localizedProblems.map(\.position) == englishProblems.map(\.position))
        for (mine, theirs) in zip(localizedProblems, englishProblems) {
            #expect(mine.message != theirs.message, "\(lang): \(mine.message)")
            let path = theirs.message.prefix { $0 != ":" }
            #expect(mine.message.hasPrefix("\(path): "), "\(lang): \(mine.message)")
        }
        #expect(localized.stderr.contains("'../x.iso'") && localized.stderr.contains("(kickstart, preseed)"), "\(localized.stderr)")
        #expect(english.stderr.contains("error: spec.installer.preseed: give exactly one answer file, not several (kickstart, preseed)"))
        let englishJSON = try Self.run(["validate", "--output", "json", fixture.path], lang: "C")
        let localizedJSON = try Self.run(["validate", "--output", "json", fixture.path], lang: lang)
        #expect(englishJSON.stdout.contains("is not a volume name"))
        #expect(localizedJSON.stdout == englishJSON.stdout)
    }
}
