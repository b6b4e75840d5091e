import Foundation
import Testing

/// `reconcile plan` as a German, Japanese or Arabic user runs it: the words change, the plan does not.
@Suite("Command line: plans in the user's language")
struct PlanLocalizationCLITests {
    static func plan(_ lang: String, output: String = "text") throws -> CLI.Run {
        try CLI.reconcile(["plan", Manifests.exampleDirectory, "--connect", "test:///default", "--output", output], lang: lang)
    }

    @Test("LANG picks the language of the text plan; kinds, names and the JSON plan stay the same",
          arguments: [("de_DE.UTF-8", "Plan: 8 zu erstellen, 0 zu ändern, 0 zu löschen."),
                      ("ja_JP.UTF-8", "計画: 作成 8、更新 0、削除 0。"),
                      ("ar_EG.UTF-8", "الخطة: 8 للإنشاء، 0 للتحديث، 0 للحذف.")])
    func translatedPlan(_ lang: String, _ summary: String) throws {
        let english = try Self.plan("C")
        let translated = try Self.plan(lang)
        #expect(english.status == 0 && translated.status == 0, "\(translated.output)")
        #expect(english.stdout.hasSuffix("Plan: 8 to create, 0 to update, 0 to delete.\n"))
        #expect(translated.stdout != english.stdout)
        #expect(translated.stdout.hasSuffix(summary + "\n"), "\(translated.stdout)")
        #expect(!translated.stdout.contains("to create"))
        for identifier in ["\"lab\"", "define-domain", "start-network", "web-1", "spec.memory", "mode:"] {
            #expect(english.stdout.contains(identifier) == translated.stdout.contains(identifier), "\(lang): \(identifier)")
        }
        for identifier in ["\"lab\"", "define-domain", "start-network", "web-1"] {
            #expect(translated.stdout.contains(identifier), "\(lang): \(identifier)")
        }
        let englishJSON = try Self.plan("C", output: "json")
        let translatedJSON = try Self.plan(lang, output: "json")
        #expect(englishJSON.status == 0 && translatedJSON.status == 0)
        #expect(!englishJSON.stdout.isEmpty)
        #expect(translatedJSON.stdout == englishJSON.stdout, "\(lang): the JSON plan changed with the locale")
    }

    @Test("apply reports progress and its summary in the user's language; step kinds and addresses stay as they are")
    func translatedApply() throws {
        let run = try CLI.reconcile(["apply", Manifests.exampleDirectory, "--connect", "test:///default"],
                                    lang: "de_DE.UTF-8")
        #expect(run.status == 0, "\(run.output)")
        #expect(run.stdout.contains("fertig define-domain local/domain/web-1 in"))
        #expect(run.stdout.contains("Apply abgeschlossen: 16 Schritte, 16 erfolgreich, 0 fehlgeschlagen, 0 übersprungen"))
        #expect(run.stdout.contains("Konvergiert: Die Hosts entsprechen den Manifesten."))
        #expect(!run.stdout.contains("Apply complete"))
    }
}
