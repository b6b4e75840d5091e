import Foundation
import Testing

/// `apply --git` end to end: a local bare repository, the real binary, the test driver.
@Suite("Command line: manifests from git")
struct CLIGitSourceTests {
    @discardableResult
    static func git(_ arguments: [String], in directory: String) throws -> String {
        let run = try CLI.run("/usr/bin/env", ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-C", directory] + arguments)
        guard run.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: run.output]) }
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("the commit is printed and in the JSON report; a fast-forward is followed; a rewritten branch fails the run")
    func gitSource() throws {
        let fixture = try ManifestFixture([:])
        let root = fixture.directory.path
        let bare = root + "/infra.git", work = root + "/work"
        try Self.git(["init", "--quiet", "--bare", "--initial-branch=main", bare], in: root)
        try Self.git(["init", "--quiet", "--initial-branch=main", work], in: root)
        func push(_ text: String, amend: Bool = false) throws -> String {
            try FileManager.default.createDirectory(atPath: work + "/hosts", withIntermediateDirectories: true)
            try text.write(toFile: work + "/hosts/lab.yaml", atomically: true, encoding: .utf8)
            try Self.git(["add", "-A"], in: work)
            try Self.git(["commit", "--quiet", "-m", "change"] + (amend ? ["--amend"] : []), in: work)
            try Self.git(["push", "--quiet", "--force", bare, "HEAD:refs/heads/main"], in: work)
            return try Self.git(["rev-parse", "HEAD"], in: work)
        }
        let options = ["apply", "--git", bare, "--ref", "main", "--path", "hosts", "--connect", "test:///default",
                       "--state-dir", root + "/state"]
        let first = try push(Manifests.document("Network", "lab", "mode: isolated") + "\n")
        let text = try CLI.reconcile(options)
        #expect(text.status == 0, "\(text.output)")
        #expect(text.stdout.hasPrefix("Manifests: \(bare) (main) at commit \(first)\n"))
        #expect(text.stdout.contains("Converged"))

        let second = try push(Manifests.join(Manifests.document("Network", "lab", "mode: isolated"),
                                             Manifests.document("Network", "lab2", "mode: isolated")))
        let json = try CLI.reconcile(options + ["--output", "json"])
        #expect(json.status == 0, "\(json.output)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["commit"] as? String == second)
        #expect((report["steps"] as? [[String: Any]])?.contains { $0["id"] as? String == "define-network:local/network/lab2" } == true)

        _ = try push(Manifests.document("Network", "other", "mode: isolated") + "\n", amend: true)
        let refused = try CLI.reconcile(options)
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.stderr.contains("not a fast-forward"), "\(refused.stderr)")
        #expect(!refused.stdout.contains("network \"other\""), "nothing from the rewritten branch is planned")
    }

    @Test("git's ext:: transport and option-like URLs are refused before git runs")
    func hostileURL() throws {
        for url in ["ext::sh -c touch% /tmp/reconcile-pwned", "--upload-pack=touch /tmp/reconcile-pwned"] {
            let run = try CLI.reconcile(["apply", "--git=\(url)", "--connect", "test:///default"])
            #expect(run.status == 1, "\(run.output)")
            #expect(run.stderr.contains("error: --git"), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/reconcile-pwned"))
    }
}
