import Foundation
import Testing

/// `reconcile plan` against a hypervisor libvirt cannot open, as a German, Japanese or Arabic user
/// runs it: the reason is worded in the user's language (libvirt's own words stay as they came), and
/// the JSON plan is the same English document in every locale.
@Suite("Command line: an unreachable hypervisor in the user's language")
struct UnreachableHostLocaleCLITests {
    static func plan(_ directory: URL, _ lang: String, output: String = "text") throws -> CLI.Run {
        try CLI.reconcile(["plan", directory.path, "--output", output], lang: lang)
    }

    @Test("the unreachable reason is translated, the JSON plan is byte-identical",
          arguments: [("de_DE.UTF-8", "keine Verbindung zum Hypervisor 'gone'"),
                      ("ja_JP.UTF-8", "のハイパーバイザー 'gone' に接続できません"),
                      ("ar_EG.UTF-8", "تعذر الاتصال بالمضيف الافتراضي 'gone'")])
    func unreachable(_ lang: String, _ translated: String) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-tests-unreachable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // The test driver fails to open a node file that is not there: no daemon, no network.
        let missing = scratch.appendingPathComponent("no-such-node.xml").path
        try Manifests.document("Hypervisor", "gone", "uri: 'test://\(missing)'")
            .write(to: scratch.appendingPathComponent("hypervisor.yaml"), atomically: true, encoding: .utf8)

        let english = try Self.plan(scratch, "C")
        let local = try Self.plan(scratch, lang)
        let englishReason = "cannot connect to hypervisor 'gone' at test://\(missing): "
        #expect(english.stdout.contains(englishReason), "\(english.output)")
        #expect(local.stdout.contains(translated), "\(lang): \(local.output)")
        #expect(!local.stdout.contains(englishReason), "\(lang): \(local.stdout)")
        #expect(local.stdout.contains("test://\(missing)"))

        let englishJSON = try Self.plan(scratch, "C", output: "json")
        let localJSON = try Self.plan(scratch, lang, output: "json")
        #expect(englishJSON.stdout.contains("cannot connect to hypervisor 'gone'"), "\(englishJSON.output)")
        #expect(localJSON.stdout == englishJSON.stdout, "\(lang): the JSON plan changed with the locale")
    }
}
