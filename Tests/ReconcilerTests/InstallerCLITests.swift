import Crypto
import Foundation
import Testing

/// The reconcile binary on libvirt's test driver, with the real image cache and seed builder: an
/// installer VM and a VM with a downloaded cdrom, their ISO served over HTTP on 127.0.0.1.
@Suite("CLI: installer VMs and downloaded cdroms on the test driver")
struct InstallerCLITests {
    /// The test driver cannot take uploads (virStorageVolUpload), so this stops at the plan; the
    /// real-libvirtd test applies the same manifests.
    @Test("plan: one ISO download and upload shared by the installer VM and the cdrom VM, the answer-file seed, both domains")
    func plan() async throws {
        let scratch = try ManifestFixture([:])
        let iso = try TinyISO.build(label: "INSTALLER", in: scratch.directory)
        let digest = SHA256.hash(data: iso).map { String(format: "%02x", $0) }.joined()
        let url = "http://127.0.0.1:9/installer.iso"
        let fixture = try ManifestFixture(Self.manifests(url: url, digest: digest))
        let cache = fixture.directory.appendingPathComponent("cache")
        let run = try CLI.reconcile(["plan", fixture.path, "--connect", "test:///default", "--cache-dir", cache.path,
                                     "--state-dir", fixture.directory.appendingPathComponent("state").path, "--output", "json"])
        #expect(run.status == 0, "\(run.output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let steps = try #require(json["steps"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        let volume = "iso-sha256-\(digest).iso"
        #expect(steps.filter { $0.hasPrefix("download-image:") } == ["download-image:local/image/alma/iso"])
        #expect(steps.filter { $0.hasPrefix("upload-image:") } == ["upload-image:local/volume/images/\(volume)"])
        #expect(steps.contains { $0.hasPrefix("create-seed:local/volume/images/db-seed-") })
        #expect(steps.contains("define-domain:local/domain/db") && steps.contains("define-domain:local/domain/tools"))
        #expect(!steps.contains { $0.hasPrefix("wait-for-") }, "an installer VM has no login for reconcile to wait for")
        #expect(run.stdout.contains("hdd ide read-only /srv/reconcile-test-images/\(volume)"))
        #expect(!run.output.contains("poweroff"), "the answer file's text stays out of plans")
        let text = try CLI.reconcile(["plan", fixture.path, "--connect", "test:///default", "--cache-dir", cache.path,
                                      "--state-dir", fixture.directory.appendingPathComponent("state").path])
        #expect(text.output.contains("installer.allowHTTP") && text.output.contains("the cdrom of 'tools' sets allowHTTP"), "\(text.output)")
        #expect(text.output.contains("ks.cfg of the kickstart answer file on an ISO labelled OEMDRV"), "\(text.output)")
    }

    static func manifests(url: String, digest: String, pool: String = "/srv/reconcile-test-images", hypervisor: String? = nil) -> String {
        var documents = [
            Manifests.document("StoragePool", "images", "path: \(pool)"),
            Manifests.document("Distribution", "alma", "family: rhel\ninstaller:\n  iso: {url: '\(url)', checksum: 'sha256:\(digest)'}\n  allowHTTP: true\n  kickstart: |\n    text\n    poweroff"),
            Manifests.document("VirtualMachine", "db", "memory: 128MiB\ndisks: [{name: root, from: alma, size: 64MiB, deleteWithVM: true}]"),
            Manifests.document("VirtualMachine", "tools", "memory: 128MiB\ndisks: [{name: root, size: 64MiB, deleteWithVM: true}]\ncdrom: {url: '\(url)', checksum: 'sha256:\(digest)', allowHTTP: true}"),
        ]
        if let hypervisor { documents.insert(hypervisor, at: 0) }
        return documents.joined(separator: "\n---\n") + "\n"
    }
}
