import Foundation
import Localization
import Testing

/// A mistyped option as a German or Japanese user sees it: the sentence is theirs, the option names
/// they typed stay as typed, and the exit status (64, usage) does not change.
@Suite("Command line: option problems in the user's language")
struct CLIValidationLocaleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var key: String
        var values: [String: String]
        var english: String
        var options: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["apply", "site.yaml", "--parallel", "0"], key: "cli.optionBelowOne", values: ["option": "--parallel"],
             english: "--parallel must be at least 1", options: ["--parallel"]),
        Case(arguments: ["apply", "--plan", "saved.plan", "--target", "web-1"], key: "cli.apply.changesPlan",
             values: ["option": "--target"], english: "--target changes the plan: make a new one with `plan --target`",
             options: ["--target", "`plan --target`"]),
        Case(arguments: ["apply", "--plan", "saved.plan", "--watch"], key: "cli.apply.watchWithPlan", values: [:],
             english: "--watch plans afresh every pass: it cannot apply a saved --plan", options: ["--watch", "--plan"]),
        Case(arguments: ["apply", "site.yaml", "--interval", "5m"], key: "cli.watch.intervalNeedsWatch", values: [:],
             english: "--interval and --jitter need --watch", options: ["--interval", "--jitter", "--watch"]),
    ]

    @Test("LANG=C gives English; de_DE and ja_JP give the catalog's sentence with the option names unchanged",
          arguments: cases)
    func translated(_ problem: Case) throws {
        let english = try CLI.reconcile(problem.arguments, lang: "C")
        #expect(english.status == 64, "\(english.output)")
        #expect(english.stderr.contains(problem.english), "\(english.stderr)")
        for (lang, locale) in [("de_DE.UTF-8", CatalogLocale.german), ("ja_JP.UTF-8", CatalogLocale.japanese)] {
            let run = try CLI.reconcile(problem.arguments, lang: lang)
            let sentence = Localizer(locale: locale).text(problem.key, problem.values)
            #expect(run.status == 64, "\(lang): \(run.output)")
            #expect(sentence != problem.english, "\(lang): \(problem.key) is not translated")
            #expect(run.stderr.contains(sentence), "\(lang): \(run.stderr)")
            #expect(!run.stderr.contains(problem.english), "\(lang): \(run.stderr)")
            for option in problem.options {
                #expect(run.stderr.contains(option), "\(lang) lost \(option): \(run.stderr)")
            }
        }
    }
}
