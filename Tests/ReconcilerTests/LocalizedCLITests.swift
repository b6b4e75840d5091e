import Foundation
import Localization
import Testing

/// The built binary picks its language from the environment: help abstracts, detect and status text
/// follow LANG; JSON output and the committed man page do not.
@Suite("The CLI in the user's language")
struct LocalizedCLITests {
    static let languages: [(lang: String, locale: CatalogLocale)] = [
        ("de_DE.UTF-8", .german), ("ja_JP.UTF-8", .japanese), ("ar_EG.UTF-8", .arabic), ("C", .english),
    ]

    static var fixture: String {
        FieldCatalogTests.root.appendingPathComponent("Tests/HostProbeTests/Fixtures/debian-12").path
    }

    @Test("`reconcile plan --help` shows the abstract in the LANG's language")
    func planHelp() throws {
        for (lang, locale) in Self.languages {
            let run = try CLI.reconcile(["plan", "--help"], lang: lang)
            #expect(run.status == 0, "\(run.output)")
            #expect(run.stdout.contains(Localizer(locale: locale).text("help.plan.abstract")), "\(lang): \(run.stdout.prefix(300))")
            #expect(run.stdout.contains("--detailed-exitcode"), "options keep their names")
            if locale != .english { #expect(!run.stdout.contains(Localizer.english.text("help.plan.abstract"))) }
        }
    }

    @Test("detect: text follows LANG, JSON is byte-identical")
    func detect() throws {
        let english = try CLI.reconcile(["detect", "--fixture-root", Self.fixture, "--output", "json"], lang: "C")
        #expect(english.status == 0, "\(english.output)")
        #expect(english.stdout.contains("\"problem\" : \"libvirtd is not running\""))
        for (lang, locale) in Self.languages {
            let json = try CLI.reconcile(["detect", "--fixture-root", Self.fixture, "--output", "json"], lang: lang)
            #expect(json.stdout == english.stdout, "\(lang): JSON differs")
            let text = try CLI.reconcile(["detect", "--fixture-root", Self.fixture], lang: lang)
            #expect(text.status == 0, "\(text.output)")
            let localizer = Localizer(locale: locale)
            #expect(text.stdout.contains(localizer.text("detect.defaultHypervisor", ["hypervisor": "kvm"])), "\(lang): \(text.stdout)")
            #expect(text.stdout.contains(localizer.text("detect.serviceNotRunning", ["service": "libvirtd"])))
            #expect(text.stdout.contains("KVM/QEMU") && text.stdout.contains("lxd init --auto"))
        }
    }

    @Test("status: text follows LANG, JSON is byte-identical")
    func status() throws {
        let arguments = ["status", "--connect", "test:///default"]
        let english = try CLI.reconcile(arguments + ["--output", "json"], lang: "C")
        for (lang, locale) in Self.languages {
            let json = try CLI.reconcile(arguments + ["--output", "json"], lang: lang)
            #expect(json.stdout == english.stdout, "\(lang): JSON differs")
            let text = try CLI.reconcile(arguments, lang: lang)
            let localizer = Localizer(locale: locale)
            #expect(text.stdout.contains(localizer.text("status.host", ["name": "local"]) + " (test:///default)"), "\(lang): \(text.output)")
            #expect(text.stdout.contains(localizer.text("status.drift.unmanaged")))
        }
    }

    @Test("docs/reconcile.1 is English (scripts/generate-docs.sh forces LC_ALL=C)")
    func manPageIsEnglish() throws {
        let page = try String(contentsOf: FieldCatalogTests.root.appendingPathComponent("docs/reconcile.1"), encoding: .utf8)
        #expect(page.contains(Localizer.english.text("help.plan.abstract")))
        #expect(!page.contains(Localizer(locale: .german).text("help.plan.abstract")))
        let script = try String(contentsOf: FieldCatalogTests.root.appendingPathComponent("scripts/generate-docs.sh"), encoding: .utf8)
        #expect(script.contains("export LC_ALL=C"))
    }
}
