import Foundation
import Synchronization
import Testing
@testable import Spec

@Suite("Manifest loading names hypervisors early")
struct ManifestHypervisorFoundTests {
    @Test("each Hypervisor's URI is heard while loading, invalid manifests included")
    func hears() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-found-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Manifests.document("Hypervisor", "a", "uri: test:///default").write(
            to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try Manifests.document("VirtualMachine", "v", "cpus: nope").write(
            to: directory.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let heard = Mutex<[String]>([])
        #expect(throws: ManifestError.self) {
            try ManifestLoader().load(paths: [directory.path]) { uri in heard.withLock { $0.append(uri) } }
        }
        #expect(heard.withLock { $0 } == ["test:///default"])
    }
}
