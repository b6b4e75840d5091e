import Crypto
import Foundation
import Testing

/// A cloud image goes to a pool once: the VM built from it after the first finds its base volume
/// there, uploads nothing, and gets a copy-on-write overlay on it (test driver, through the CLI).
@Suite("An image is uploaded once per pool")
struct ImageUploadOnceTests {
    static let image = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 37) })
    static var hex: String { SHA256.hash(data: image).map { String(format: "%02x", $0) }.joined() }
    static var base: String { "base-sha256-\(hex).qcow2" }

    static var manifest: String {
        Manifests.join(
            Manifests.document("StoragePool", "images", "path: /srv/images"),
            Manifests.document("Distribution", "deb", "family: debian\ncloudImage: {url: 'http://127.0.0.1:9/d.qcow2', checksum: 'sha256:\(hex)'}"),
            Manifests.document("VirtualMachine", "second", "memory: 256MiB\nstate: stopped\ndisks: [{name: root, from: deb, size: 1GiB}]"))
    }

    /// A test-driver host whose pool `images` holds what the first VM's apply left: the base volume.
    static func node(withBase: Bool) -> String {
        let volume = withBase ? """
            <volume><name>\(base)</name><capacity unit='bytes'>\(image.count)</capacity>
              <target><path>/srv/images/\(base)</path><format type='qcow2'/></target></volume>
            """ : ""
        return "<node><pool type='dir'><name>images</name><target><path>/srv/images</path></target>\(volume)</pool></node>"
    }

    func plan(withBase: Bool) throws -> [String: Any] {
        let fixture = try ManifestFixture(Self.manifest)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-upload-once-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // The image is in the local cache, as the first VM's apply left it.
        let images = scratch.appendingPathComponent("cache/images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        try Self.image.write(to: images.appendingPathComponent("sha256-\(Self.hex).img"))
        let node = scratch.appendingPathComponent("node.xml")
        try Self.node(withBase: withBase).write(to: node, atomically: true, encoding: .utf8)
        let run = try CLI.reconcile(["plan", fixture.path, "--connect", "test://\(node.path)", "--output", "json",
                                     "--cache-dir", scratch.appendingPathComponent("cache").path,
                                     "--state-dir", scratch.appendingPathComponent("state").path])
        #expect(run.status == 0, "\(run.output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.output)")
    }

    @Test("the second VM from a cached image in the pool has no upload step, and its disk is an overlay on the base volume")
    func secondVMUploadsNothing() throws {
        let first = try plan(withBase: false)
        let firstKinds = (first["steps"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(firstKinds.contains("upload-image"), "without the base in the pool it is uploaded: \(firstKinds)")

        let second = try plan(withBase: true)
        let steps = second["steps"] as? [[String: Any]] ?? []
        #expect(!steps.contains { ["upload-image", "download-image"].contains($0["kind"] as? String) }, "\(steps)")
        let resources = second["resources"] as? [[String: Any]] ?? []
        let disk = try #require(resources.first { $0["address"] as? String == "local/volume/images/second-root.qcow2" })
        let fields = disk["fields"] as? [[String: Any]] ?? []
        #expect(fields.contains { $0["field"] as? String == "backing" && $0["after"] as? String == "/srv/images/\(Self.base)" }, "\(fields)")
    }
}
