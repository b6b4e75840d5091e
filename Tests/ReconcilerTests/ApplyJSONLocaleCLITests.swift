import Foundation
import Testing

/// JSON output of `apply` is for programs: a German user's run must give the same JSON as an English
/// one, also for what a failed step reports, while the text on the terminal is German.
@Suite("Command line: apply JSON is the same in every locale")
struct ApplyJSONLocaleCLITests {
    /// libvirt refuses a second pool on an existing pool's directory: one step fails with libvirt's
    /// message, framed in the user's language on a terminal.
    static let manifest = """
        apiVersion: reconcile/v1
        kind: StoragePool
        metadata: {name: clash}
        spec: {path: /default-pool}
        ---
        apiVersion: reconcile/v1
        kind: Network
        metadata: {name: lab}
        spec: {mode: isolated}
        """

    static func apply(_ lang: String, _ options: [String]) throws -> CLI.Run {
        let fixture = try ManifestFixture(manifest)
        // One step at a time, so the steps end in the same order in every run.
        return try CLI.reconcile(["apply", fixture.path, "--connect", "test:///default", "--parallel", "1"] + options,
                                 lang: lang)
    }

    /// Times and durations differ from run to run; everything else must not.
    static func masked(_ json: String) -> String {
        json.replacingOccurrences(
            of: #""([A-Za-z]*([Ss]econds|[Tt]ime|[Ss]tart|[Dd]uration|[Ee]nd|[Aa]t))"\s*:\s*("[^"]*"|[-0-9.eE+]+)"#,
            with: "\"$1\":MASKED", options: .regularExpression)
    }

    @Test("apply --output json and --log-format json under LANG=de_DE.UTF-8 equal LANG=C; the text differs")
    func sameJSON() throws {
        let englishReport = try Self.apply("C", ["--output", "json"])
        let germanReport = try Self.apply("de_DE.UTF-8", ["--output", "json"])
        #expect(englishReport.status == germanReport.status && englishReport.status != 0, "\(germanReport.output)")
        #expect(englishReport.stdout.contains("libvirt error"), "\(englishReport.stdout)")
        #expect(Self.masked(germanReport.stdout) == Self.masked(englishReport.stdout))

        let englishLog = try Self.apply("C", ["--log-format", "json"])
        let germanLog = try Self.apply("de_DE.UTF-8", ["--log-format", "json"])
        #expect(englishLog.stderr.contains("libvirt error"), "\(englishLog.stderr)")
        #expect(!germanLog.stderr.contains("libvirt-Fehler"), "\(germanLog.stderr)")
        #expect(Self.masked(germanLog.stderr) == Self.masked(englishLog.stderr))

        let englishText = try Self.apply("C", [])
        let germanText = try Self.apply("de_DE.UTF-8", [])
        #expect(englishText.stdout.contains("libvirt error"))
        #expect(germanText.stdout.contains("libvirt-Fehler"), "\(germanText.stdout)")
        #expect(germanText.stdout != englishText.stdout)
    }
}
