import Crypto
import Foundation
import HostCommands
import Localization
import Spec

/// Manifests kept in a git repository: before each pass, the branch is fetched with the `git` CLI
/// into reconcile's state directory and the working copy moves forward to it. Only fast-forwards are
/// followed: a branch that was rewritten (force-pushed) is refused until someone looks at it, since
/// applying an older or different history unattended could undo changes on every host.
public struct GitSource: Sendable {
    public var url: String
    /// A branch (or tag); nil follows the remote's default branch (its HEAD).
    public var ref: String?
    /// The manifests' directory inside the repository; nil is its top.
    public var path: String?
    /// `<state dir>/git/<hash of the URL>`: one checkout per repository, kept between runs.
    public var checkout: URL
    public var transport: any CommandTransport

    /// git may ask for nothing (no terminal prompts, no askpass) and may only speak protocols that do
    /// not run programs named by the URL.
    static let environment = ["GIT_TERMINAL_PROMPT=0", "GIT_ASKPASS=/bin/true", "SSH_ASKPASS=/bin/true",
                              "GIT_ALLOW_PROTOCOL=file:git:http:https:ssh"]
    static let timeout: Duration = .seconds(300)

    public init(url: String, ref: String?, path: String?, stateDirectory: String,
                transport: any CommandTransport = LocalTransport()) throws(UnattendedError) {
        if let problem = Self.urlProblem(url) { throw UnattendedError(problem) }
        if let ref, let problem = Self.refProblem(ref) { throw UnattendedError(problem) }
        if let path, let problem = Self.pathProblem(path) { throw UnattendedError(problem) }
        self.url = Self.absolute(url)
        self.ref = ref
        self.path = path
        let digest = SHA256.hash(data: Data(self.url.utf8)).map { String(format: "%02x", $0) }.joined()
        self.checkout = URL(fileURLWithPath: stateDirectory).appendingPathComponent("git").appendingPathComponent(String(digest.prefix(16)))
        self.transport = transport
    }

    /// The URL as it may be shown: credentials in it become `***`.
    public var shownURL: String { url.redactingURLCredentials }

    /// A relative repository path made absolute: git runs inside the checkout, not where reconcile was started.
    /// URLs (`scheme://`) and scp-like `host:path` addresses are left as they are.
    static func absolute(_ url: String) -> String {
        var remote = url.contains("://")
        if !remote, let colon = url.firstIndex(of: ":") {
            remote = url.firstIndex(of: "/").map { colon < $0 } ?? true
        }
        guard !remote, !url.hasPrefix("/") else { return url }
        return URL(fileURLWithPath: url, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            .standardizedFileURL.path
    }

    /// Why git must not be handed this URL: one that starts with `-` would be read as an option, and
    /// `transport::address` (git's `ext::`, `fd::` and other remote helpers) can run any program.
    /// What is wrong with `--git URL`, naming the URL without its credentials.
    static func urlProblem(_ url: String) -> LocalizedMessage? {
        let arguments = ["url": url.redactingURLCredentials]
        if url.isEmpty { return LocalizedMessage("apply.git.urlEmpty", arguments) }
        if url.hasPrefix("-") { return LocalizedMessage("apply.git.urlDash", arguments) }
        if url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return LocalizedMessage("apply.git.urlControl", arguments) }
        if let helper = url.range(of: "::"), !url[..<helper.lowerBound].contains("/") {
            return LocalizedMessage("apply.git.urlTransport", arguments)
        }
        return nil
    }

    static func refProblem(_ ref: String) -> LocalizedMessage? {
        let allowed = ref.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/._-".unicodeScalars.contains($0)) }
        if ref.isEmpty || !allowed || ref.hasPrefix("-") || ref.hasPrefix("/") || ref.hasSuffix("/") || ref.contains("..") {
            return LocalizedMessage("apply.git.badRef", ["ref": ref])
        }
        return nil
    }

    static func pathProblem(_ path: String) -> LocalizedMessage? {
        if path.hasPrefix("/") || path.hasPrefix("-") || path.split(separator: "/").contains("..") {
            return LocalizedMessage("apply.git.badPath", ["path": path])
        }
        return nil
    }

    /// Fetches the branch and moves the checkout to it; returns the commit and the manifests' directory.
    public func update() async throws(UnattendedError) -> GitCheckout {
        let directory = checkout.path
        if !FileManager.default.fileExists(atPath: checkout.appendingPathComponent(".git").path) {
            do {
                try FileManager.default.createDirectory(at: checkout, withIntermediateDirectories: true)
            } catch {
                throw UnattendedError(LocalizedMessage("apply.git.cannotCreate", ["directory": directory, "detail": error.localizedDescription]))
            }
            try await git(["init", "--quiet", "--", directory], in: nil)
        }
        // FETCH_HEAD only: no local branch or remote-tracking ref is ever rewritten by what the remote says.
        try await git(["fetch", "--quiet", "--no-tags", "--no-recurse-submodules", "--", url, ref ?? "HEAD"], in: directory)
        let fetched = try await git(["rev-parse", "--verify", "--quiet", "FETCH_HEAD^{commit}"], in: directory)
        let current = try? await git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], in: directory)
        if let current, current != fetched {
            do {
                try await git(["merge-base", "--is-ancestor", current, fetched], in: directory)
            } catch {
                var arguments = ["url": shownURL, "from": String(current.prefix(12)), "to": String(fetched.prefix(12)), "directory": directory]
                arguments["ref"] = ref
                throw UnattendedError(ref == nil ? LocalizedMessage("apply.git.defaultBranchRewritten", arguments)
                                          : LocalizedMessage("apply.git.rewritten", arguments))
            }
        }
        try await git(["checkout", "--quiet", "--force", "--detach", fetched], in: directory)
        let manifests = path.map { checkout.appendingPathComponent($0).path } ?? directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: manifests, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UnattendedError(LocalizedMessage("apply.git.notADirectory", ["path": path ?? ".", "url": shownURL, "commit": String(fetched.prefix(12))]))
        }
        return GitCheckout(commit: fetched, manifestDirectory: manifests)
    }

    /// Runs git with prompts off; returns its trimmed stdout, or throws with its stderr (credentials redacted).
    @discardableResult
    private func git(_ arguments: [String], in directory: String?) async throws(UnattendedError) -> String {
        let location = directory.map { ["-C", $0] } ?? []
        let argv = ["env"] + Self.environment + ["git"] + location + arguments
        let result: ProcessResult
        do {
            result = try await transport.run(argv, input: nil, timeout: Self.timeout)
        } catch {
            throw UnattendedError(LocalizedMessage("apply.git.cannotRun", ["command": arguments.first ?? "", "detail": error.message.redactingURLCredentials]))
        }
        guard result.succeeded else {
            let reason = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines).redactingURLCredentials
            let failure = ["command": arguments.first ?? "", "url": shownURL, "status": "\(result.exitStatus)"]
            throw UnattendedError(reason.isEmpty ? LocalizedMessage("apply.git.failed", failure)
                                                 : LocalizedMessage("apply.git.failedSaying", failure.merging(["detail": reason]) { $1 }))
        }
        return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
