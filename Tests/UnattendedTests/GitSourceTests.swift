import Foundation
import HostCommands
import Testing
@testable import Unattended

/// The git source against a real bare repository on this machine, through the git CLI.
@Suite("Manifests from git")
struct GitSourceTests {
    /// A bare repository with a working clone that pushes to it.
    struct Remote {
        let root: URL
        var bare: String { root.appendingPathComponent("remote.git").path }
        var work: String { root.appendingPathComponent("work").path }

        init() async throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-git-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try await Self.git(["init", "--quiet", "--bare", "--initial-branch=main", bare])
            try await Self.git(["init", "--quiet", "--initial-branch=main", work])
        }

        @discardableResult
        static func git(_ arguments: [String], in directory: String? = nil) async throws -> String {
            let argv = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"] + (directory.map { ["-C", $0] } ?? []) + arguments
            let result = try await LocalTransport().run(argv)
            guard result.succeeded else { throw UnattendedError("\(argv): \(result.standardError)") }
            return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Commits `text` as hosts/manifest.yaml and pushes (forced, to rewrite history when asked).
        @discardableResult
        func commit(_ text: String, amend: Bool = false) async throws -> String {
            let directory = URL(fileURLWithPath: work).appendingPathComponent("hosts")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: directory.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
            try await Self.git(["add", "-A"], in: work)
            try await Self.git(["commit", "--quiet", "-m", text] + (amend ? ["--amend"] : []), in: work)
            try await Self.git(["push", "--quiet", "--force", bare, "HEAD:refs/heads/main"], in: work)
            return try await Self.git(["rev-parse", "HEAD"], in: work)
        }
    }

    @Test("a fast-forward is followed; a rewritten branch is refused and the checkout stays where it was")
    func fastForwardOnly() async throws {
        let remote = try await Remote()
        let state = remote.root.appendingPathComponent("state").path
        let source = try GitSource(url: remote.bare, ref: "main", path: "hosts", stateDirectory: state)
        let first = try await remote.commit("one")
        let checkout = try await source.update()
        #expect(checkout.commit == first)
        #expect(checkout.manifestDirectory.hasPrefix(state + "/git/"))
        #expect(try String(contentsOfFile: checkout.manifestDirectory + "/manifest.yaml", encoding: .utf8) == "one")

        let second = try await remote.commit("two")
        #expect(try await source.update().commit == second)
        #expect(try String(contentsOfFile: checkout.manifestDirectory + "/manifest.yaml", encoding: .utf8) == "two")

        let rewritten = try await remote.commit("three", amend: true)
        await #expect {
            try await source.update()
        } throws: { error in
            "\(error)".contains("not a fast-forward") && "\(error)".contains(String(second.prefix(12)))
                && "\(error)".contains(String(rewritten.prefix(12)))
        }
        #expect(try String(contentsOfFile: checkout.manifestDirectory + "/manifest.yaml", encoding: .utf8) == "two")
    }

    @Test("URLs and refs git could read as options or programs are refused before git runs",
          arguments: ["-uhttps://x", "--upload-pack=touch /tmp/pwned", "ext::sh -c touch% /tmp/pwned", "fd::3", "EXT::x", ""])
    func hostileURLs(_ url: String) {
        #expect(throws: UnattendedError.self) { try GitSource(url: url, ref: nil, path: nil, stateDirectory: "/tmp/none") }
    }

    @Test("ordinary URLs, refs and paths pass")
    func ordinary() throws {
        for url in ["https://git.example.com/infra.git", "ssh://git@example.com/infra.git", "git@example.com:infra.git", "/srv/infra.git"] {
            #expect(throws: Never.self) { try GitSource(url: url, ref: "release/2026", path: "hosts/eu", stateDirectory: "/tmp/none") }
        }
        for ref in ["-x", "a..b", "a:b", "+main", "a b"] {
            #expect(throws: UnattendedError.self) { try GitSource(url: "/srv/r.git", ref: ref, path: nil, stateDirectory: "/tmp/none") }
        }
        for path in ["/etc", "../up", "a/../../b", "-p"] {
            #expect(throws: UnattendedError.self) { try GitSource(url: "/srv/r.git", ref: nil, path: path, stateDirectory: "/tmp/none") }
        }
    }

    @Test("credentials in the URL never reach an error message")
    func redactedErrors() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-git-\(UUID().uuidString)").path
        // Port 1 on loopback: refused at once, nothing leaves the machine.
        let source = try GitSource(url: "http://alice:s3cret@127.0.0.1:1/infra.git", ref: nil, path: nil, stateDirectory: state)
        await #expect {
            try await source.update()
        } throws: { error in
            "\(error)".contains("http://***@127.0.0.1:1/infra.git") && !"\(error)".contains("s3cret")
        }
    }
}

extension GitSourceTests {
    @Test("a relative repository path is made absolute (git runs inside the checkout); URLs and host:path stay")
    func relativePaths() throws {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(try GitSource(url: "infra.git", ref: nil, path: nil, stateDirectory: "/tmp/none").url == cwd + "/infra.git")
        #expect(try GitSource(url: "git@example.com:infra.git", ref: nil, path: nil, stateDirectory: "/tmp/none").url == "git@example.com:infra.git")
        #expect(try GitSource(url: "file:///srv/infra.git", ref: nil, path: nil, stateDirectory: "/tmp/none").url == "file:///srv/infra.git")
    }
}
