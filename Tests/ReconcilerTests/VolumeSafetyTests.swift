import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// A volume another domain uses survives `--prune`, against libvirt's test driver: the planner
/// leaves it, and the adapter refuses the delete if a domain still names it when the step runs.
@Suite("Volumes in use are never deleted (test driver)")
struct VolumeSafetyTests {
    /// An unmanaged guest with one disk on `scratch-root.qcow2`, in the XML form given.
    static func clone(_ name: String, disk: String) -> String {
        """
        <domain type='test'>
          <name>\(name)</name>
          <memory unit='KiB'>262144</memory>
          <vcpu>1</vcpu>
          <os><type arch='x86_64'>hvm</type></os>
          <devices>\(disk)</devices>
        </domain>
        """
    }

    static let byPoolVolume = "<disk type='volume' device='disk'><source pool='lab-pool' volume='scratch-root.qcow2'/><target dev='vda' bus='virtio'/></disk>"

    @Test("--prune keeps a deleteWithVM volume an unmanaged domain uses, by pool/volume or by path")
    func pruneKeepsVolumeInUse() async throws {
        for byPath in [false, true] {
            let harness = try await TestDriverTests.Harness()
            #expect(try await harness.apply(TestDriverTests.manifests()).converged)
            let path = try #require(try await harness.hypervisor.observe().volume(pool: "lab-pool", name: "scratch-root.qcow2")?.path)
            let disk = byPath ? "<disk type='file' device='disk'><source file='\(path)'/><target dev='vda' bus='virtio'/></disk>"
                : Self.byPoolVolume
            _ = try harness.hypervisor.connection.defineDomain(xml: Self.clone("clone", disk: disk))

            let pruned = TestDriverTests.manifests(extraVM: false)
            let plan = try await harness.plan(pruned, prune: true)
            #expect(plan.step(id: "undefine-domain:local/domain/scratch") != nil)
            #expect(plan.step(id: "delete-volume:local/volume/lab-pool/scratch-root.qcow2") == nil)
            #expect(plan.notices.map(\.english).contains("volume lab-pool/scratch-root.qcow2 of 'scratch' is not deleted: virtual machine 'clone' still uses it"))
            let result = try await harness.apply(pruned, prune: true)
            #expect(result.converged, "remaining: \(result.remaining.steps.map(\.id)), failed: \(result.report.failed)")
            let after = try await harness.hypervisor.observe()
            #expect(after.domain(named: "scratch") == nil)
            #expect(after.volume(pool: "lab-pool", name: "scratch-root.qcow2") != nil, "by path: \(byPath)")
        }
    }

    @Test("the adapter refuses to delete a volume a domain names, even when the plan did not know")
    func adapterRefusesVolumeInUse() async throws {
        let harness = try await TestDriverTests.Harness()
        #expect(try await harness.apply(TestDriverTests.manifests()).converged)
        // As a prune would: the owner is gone first; a clone appeared after the plan was made.
        try await harness.hypervisor.destroyDomain(named: "scratch")
        try await harness.hypervisor.undefineDomain(named: "scratch")
        _ = try harness.hypervisor.connection.defineDomain(xml: Self.clone("late-clone", disk: Self.byPoolVolume))
        do {
            try await harness.hypervisor.deleteVolume(pool: "lab-pool", name: "scratch-root.qcow2")
            Issue.record("the volume was deleted although 'late-clone' uses it")
        } catch {
            #expect("\(error)".contains("volume lab-pool/scratch-root.qcow2"))
            #expect("\(error)".contains("is not deleted: virtual machine 'late-clone' uses it"))
        }
        #expect(try await harness.hypervisor.observe().volume(pool: "lab-pool", name: "scratch-root.qcow2") != nil)
        // Once no domain names it, the delete goes ahead.
        try await harness.hypervisor.undefineDomain(named: "late-clone")
        try await harness.hypervisor.deleteVolume(pool: "lab-pool", name: "scratch-root.qcow2")
        #expect(try await harness.hypervisor.observe().volume(pool: "lab-pool", name: "scratch-root.qcow2") == nil)
    }

    @Test("disk references include file, block, pool/volume sources and the backing chain")
    func references() throws {
        let xml = """
            <domain><devices>
              <disk type='file'><source file='/a/overlay.qcow2'/>
                <backingStore type='file'><source file='/a/base.qcow2'/><backingStore type='file'><source file='/a/root.raw'/><backingStore/></backingStore></backingStore>
              </disk>
              <disk type='block'><source dev='/dev/vg/data'/></disk>
              <disk type='volume'><source pool='p' volume='v'/></disk>
              <disk type='network'><source protocol='rbd' name='pool/image'/></disk>
            </devices></domain>
            """
        #expect(try DiskSourceXML.references(inDomainXML: xml) == [
            .path("/a/overlay.qcow2"), .path("/a/base.qcow2"), .path("/a/root.raw"), .path("/dev/vg/data"),
            .volume(pool: "p", name: "v"),
        ])
    }
}
