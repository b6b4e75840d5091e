import Foundation
import Testing

/// `reconcile snapshot` as a user runs it, against libvirt's test driver (a fresh fake host per process,
/// whose one domain, `test`, runs and was not made by reconcile).
@Suite("Command line: snapshot")
struct SnapshotCLITests {
    @Test("list on a VM without snapshots says so; revert refuses a missing VM or snapshot and changes nothing")
    func listAndRefusals() throws {
        let list = try CLI.reconcile(["snapshot", "list", "test", "--connect", "test:///default"])
        #expect(list.status == 0, "\(list.output)")
        #expect(list.stdout == "virtual machine 'test' has no snapshots\n")

        let json = try CLI.reconcile(["snapshot", "list", "test", "--connect", "test:///default", "--output", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["virtualMachine"] as? String == "test" && (document["snapshots"] as? [Any])?.isEmpty == true)

        let missingSnapshot = try CLI.reconcile(["snapshot", "revert", "test", "s1", "--connect", "test:///default", "--force"])
        #expect(missingSnapshot.status == 1)
        #expect(missingSnapshot.stderr.contains("virtual machine 'test' has no snapshot 's1' (it has none); nothing was changed."), "\(missingSnapshot.output)")
        #expect(missingSnapshot.stdout.isEmpty)

        let missingVM = try CLI.reconcile(["snapshot", "list", "nosuch", "--connect", "test:///default"])
        #expect(missingVM.status == 1 && missingVM.stderr.contains("virtual machine 'nosuch' does not exist"), "\(missingVM.output)")

        let badURI = try CLI.reconcile(["snapshot", "list", "test", "--connect", "qemu+ext:///system?command=/bin/sh"])
        #expect(badURI.status == 1 && badURI.stderr.contains("nothing was changed"), "\(badURI.output)")
    }

    @Test("a VM declared in manifests is found on its hypervisor")
    func throughManifests() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("Hypervisor", "lab", "uri: test:///default"),
            Manifests.document("VirtualMachine", "test", "hypervisor: lab\nmemory: 512MiB")))
        let list = try CLI.reconcile(["snapshot", "list", "test", "-f", fixture.path])
        #expect(list.status == 0 && list.stdout == "virtual machine 'test' has no snapshots\n", "\(list.output)")
    }
}
