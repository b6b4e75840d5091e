import Foundation
@testable import Spec

/// Writes manifests into a fresh temporary directory, as users do, and loads them the way the CLI does.
struct ManifestFixture {
    let directory: URL

    init(_ files: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    init(_ text: String) throws {
        try self.init(["manifest.yaml": text])
    }

    var path: String { directory.path }

    func file(_ name: String = "manifest.yaml") -> String { directory.appendingPathComponent(name).path }

    func load() throws -> ManifestSet {
        try ManifestLoader().load(paths: [path])
    }

    /// The diagnostics loading produces, or an empty list when the manifests are valid.
    func diagnostics() -> [Diagnostic] {
        do {
            _ = try ManifestLoader().load(paths: [path])
            return []
        } catch {
            return error.diagnostics
        }
    }
}

enum Manifests {
    static func document(_ kind: String, _ name: String, _ spec: String = "", adopt: Bool = false) -> String {
        let indented = spec.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }.joined(separator: "\n")
        return """
            apiVersion: reconcile/v1
            kind: \(kind)
            metadata:
              name: \(name)\(adopt ? "\n  adopt: true" : "")
            spec:
            \(indented)
            """
    }

    static func join(_ documents: String...) -> String {
        documents.joined(separator: "\n---\n") + "\n"
    }

    /// The example in examples/hosts.yaml, read from the repository so the test follows it.
    static var exampleDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples").path
    }
}
