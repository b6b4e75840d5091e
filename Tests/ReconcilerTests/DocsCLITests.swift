import Foundation
import Testing

/// The man page and the shell completions cover every subcommand the CLI has.
@Suite("Man page and shell completions")
struct DocsCLITests {
    /// The subcommand names `reconcile --help` lists.
    static func subcommands() throws -> [String] {
        let help = try CLI.reconcile(["--help"]).stdout
        guard let section = help.range(of: "SUBCOMMANDS:") else { return [] }
        return help[section.upperBound...].split(separator: "\n").compactMap { line in
            // A subcommand line is indented by two spaces; wrapped abstracts are indented further.
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "See" }
    }

    @Test("docs/reconcile.1 documents every subcommand (regenerate with scripts/generate-docs.sh)")
    func manPageCoversEverySubcommand() throws {
        let page = try String(contentsOf: FieldCatalogTests.root.appendingPathComponent("docs/reconcile.1"), encoding: .utf8)
        let names = try Self.subcommands()
        #expect(names.contains("schema") && names.count >= 10, "\(names)")
        for name in names {
            #expect(page.contains(".It Em \(name)\n"), "docs/reconcile.1 lacks the subcommand \(name)")
        }
        #expect(!page.contains(".It Em no-such-command\n"), "the check can fail")
    }

    @Test("completion scripts for bash, zsh and fish complete every subcommand", arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        let run = try CLI.reconcile(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(run.output)")
        for name in try Self.subcommands() {
            #expect(run.stdout.contains(name), "the \(shell) script lacks \(name)")
        }
    }
}
