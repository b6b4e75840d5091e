import Foundation
import HostProbe
import HostSystemAdapter
import Testing

/// HostProbe's fixture trees, copied so each test can add the accounts it needs without touching
/// the shared trees.
enum AdapterFixtures {
    static let names = [
        "alpine-3.20", "debian-12", "debian-12-minimal", "fedora-41",
        "opensuse-leap-15.6", "rocky-9", "ubuntu-24.04", "ubuntu-24.04-lxd",
    ]

    static var testsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    }

    static let passwd = "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000:Alice:/home/alice:/bin/sh\n"
    static let group = "root:x:0:\nalice:x:1000:\nkvm:x:107:alice\nlibvirt:x:111:\n"

    /// A copy of fixture `name` with /etc/passwd and /etc/group holding `alice` (already in kvm).
    static func copy(_ name: String) throws -> String {
        let source = testsDirectory.appendingPathComponent("HostProbeTests/Fixtures/\(name)")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("adapter-\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
        try passwd.write(to: root.appendingPathComponent("etc/passwd"), atomically: true, encoding: .utf8)
        try group.write(to: root.appendingPathComponent("etc/group"), atomically: true, encoding: .utf8)
        return root.path
    }

    static func system(_ name: String, transport: RecordingTransport = RecordingTransport()) throws -> (ProbedHostSystem, String) {
        let root = try copy(name)
        return (ProbedHostSystem(access: try HostAccess.fixture(root: root), transport: transport), root)
    }

    /// Set RECONCILE_UPDATE_GOLDEN=1 to rewrite goldens, then review the diff before committing.
    static func expectMatchesGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = testsDirectory.appendingPathComponent("HostSystemAdapterTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["RECONCILE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from golden \(name)", sourceLocation: sourceLocation)
    }
}
