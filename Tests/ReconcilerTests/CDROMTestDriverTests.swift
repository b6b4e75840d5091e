import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// `spec.cdrom` through libvirt's test driver: the real C API and XML, no daemon.
@Suite("spec.cdrom against libvirt's test driver")
struct CDROMTestDriverTests {
    /// The default node with two ISO volumes in its pool.
    static let node = TestDriverNode.xml.replacingOccurrences(of: "<target><path>/default-pool</path></target>", with: """
        <target><path>/default-pool</path></target>
            <volume><name>tools.iso</name><capacity unit='KiB'>1024</capacity><target><path>/default-pool/tools.iso</path></target></volume>
            <volume><name>rescue.iso</name><capacity unit='KiB'>1024</capacity><target><path>/default-pool/rescue.iso</path></target></volume>
        """)

    static func manifests(cdrom: String?) -> String {
        Manifests.join(
            Manifests.document("StoragePool", "default-pool", "path: /default-pool", adopt: true),
            Manifests.document("VirtualMachine", "web", "memory: 512MiB\ndisks: [{name: root, size: 1GiB}]" + (cdrom.map { "\ncdrom: {volume: \($0)}" } ?? "")))
    }

    @Test("apply defines the cdrom, a second plan is empty; removing it edits the definition and leaves everything else")
    func defineAndRemove() async throws {
        let harness = try await TestDriverTests.Harness(node: Self.node)
        let first = try await harness.apply(Self.manifests(cdrom: "tools.iso"))
        #expect(first.converged, "remaining: \(first.remaining.steps.map(\.id)), failed: \(first.report.failed)")
        let domain = try #require(try harness.hypervisor.connection.domain(named: "web"))
        let observed = try DomainXML.parse(try domain.xml(inactive: true), state: .running, autostart: false, persistent: true)
        #expect(observed.cdrom(at: "hdd")?.source == "/default-pool/tools.iso" && observed.cdrom(at: "hdd")?.readOnly == true)
        #expect(observed.ownership?.cdrom == "hdd")
        #expect(try await harness.plan(Self.manifests(cdrom: "tools.iso")).steps.isEmpty)

        // A drive of someone else's, added by hand, stays when reconcile's goes.
        try harness.editDomain("web") { xml in
            xml.replacingOccurrences(of: "</devices>", with: "<disk type='file' device='cdrom'><source file='/default-pool/rescue.iso'/><target dev='hdb' bus='ide'/><readonly/></disk></devices>")
        }
        let removed = try await harness.apply(Self.manifests(cdrom: nil))
        #expect(removed.converged, "remaining: \(removed.remaining.steps.map(\.id)), failed: \(removed.report.failed)")
        let after = try DomainXML.parse(try domain.xml(inactive: true), state: .running, autostart: false, persistent: true)
        #expect(after.cdrom(at: "hdd") == nil && after.cdrom(at: "hdb")?.source == "/default-pool/rescue.iso")
        #expect(after.ownership?.cdrom == nil)
        #expect(try await harness.plan(Self.manifests(cdrom: nil)).steps.isEmpty)
    }

    /// The test driver has no virDomainUpdateDeviceFlags: RealLibvirtTests applies the change on QEMU.
    @Test("a new medium for the running guest is planned as one apply-live step, no definition rewrite, no restart")
    func mediaChangePlan() async throws {
        let harness = try await TestDriverTests.Harness(node: Self.node)
        #expect(try await harness.apply(Self.manifests(cdrom: "tools.iso")).converged)
        let plan = try await harness.plan(Self.manifests(cdrom: "rescue.iso"))
        #expect(Set(plan.steps.map(\.kind)) == [.applyLive, .recordOwnership], "\(plan.steps.map(\.id))")
        let field = try #require(plan.resources.first?.fields.first { $0.field == "cdrom" })
        #expect(field.timing == .live && field.after == "/default-pool/rescue.iso")
        #expect(plan.resources.first?.restartPending != true)
    }

    @Test("a missing volume is a conflict naming it; nothing is defined")
    func missingVolume() async throws {
        let harness = try await TestDriverTests.Harness(node: Self.node)
        let plan = try await harness.plan(Self.manifests(cdrom: "nothere.iso"))
        #expect(plan.conflicts.contains { $0.message.english.contains("default-pool/nothere.iso, which does not exist") })
        #expect(!plan.steps.contains { $0.kind == .defineDomain })
    }
}
