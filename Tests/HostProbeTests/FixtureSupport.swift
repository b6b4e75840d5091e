import Foundation
import HostProbe
import Testing

/// Locates fixture trees and golden files, and compares output with goldens.
enum FixtureSupport {
    static let fixtureNames = [
        "alpine-3.20", "debian-12", "debian-12-minimal", "fedora-41",
        "opensuse-leap-15.6", "rocky-9", "ubuntu-24.04", "ubuntu-24.04-lxd",
    ]

    struct MissingResource: Error, CustomStringConvertible {
        let name: String
        var description: String { "test resource \(name) not found in the test bundle" }
    }

    static func fixtureRoot(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw MissingResource(name: "Fixtures")
        }
        return url.appendingPathComponent(name).path
    }

    static func system(_ name: String) throws -> HostAccess {
        try HostAccess.fixture(root: fixtureRoot(name))
    }

    static func report(_ name: String) async throws -> DetectionReport {
        await HostDetector(system: try system(name)).detect()
    }

    /// Golden files live in the source tree; set HOSTPROBE_UPDATE_GOLDEN=1 to
    /// rewrite them, then review the diff before committing.
    static func sourceGoldenURL(_ relativePath: String, filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(relativePath)
    }

    static func expectMatchesGolden(_ actual: String, _ relativePath: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["HOSTPROBE_UPDATE_GOLDEN"] == "1" {
            let url = sourceGoldenURL(relativePath)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let base = Bundle.module.url(forResource: "Golden", withExtension: nil) else {
            throw MissingResource(name: "Golden")
        }
        let url = base.appendingPathComponent(relativePath)
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "output differs from golden \(relativePath)", sourceLocation: sourceLocation)
    }

    /// A throwaway fixture tree built for one test.
    static func makeTree(files: [String: String], state: FixtureState) throws -> HostAccess {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hostprobe-\(UUID().uuidString)")
        var all = files
        let encoder = JSONEncoder()
        all[FixtureState.relativePath] = String(decoding: try encoder.encode(state), as: UTF8.self)
        for (path, content) in all {
            let url = root.appendingPathComponent(String(path.dropFirst()))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
        return try HostAccess.fixture(root: root.path)
    }
}
