import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// Only reconcile's own record, written for this very domain, makes a domain reconcile's.
@Suite("Ownership reconcile can trust (test driver)")
struct OwnershipTrustTests {
    static let original = Manifests.join(
        Manifests.document("StoragePool", "trust-pool", "path: /trust"),
        Manifests.document("VirtualMachine", "original", "memory: 512MiB\nstate: stopped\ndisks: [{name: root, size: 1GiB, pool: trust-pool}]"))

    @Test("a copy of a managed domain (virt-clone) and another tool's reconcile:resource are neither managed nor pruned")
    func copiesAndImpostors() async throws {
        let harness = try await TestDriverTests.Harness()
        #expect(try await harness.apply(Self.original).converged)
        let connection = harness.hypervisor.connection
        let originalXML = try #require(try connection.domain(named: "original")).xml(inactive: true)
        let recorded = try #require(try DomainXML.parse(originalXML, state: .shutoff, autostart: false, persistent: true).ownership)
        #expect(recorded.uuid != nil)

        // What virt-clone does: a new name and UUID, everything else (metadata included) copied.
        let root = try ParsedXML(originalXML, what: "domain").root
        let uuid = try #require(root.child("uuid")?.text)
        let cloneXML = originalXML.replacingOccurrences(of: "<name>original</name>", with: "<name>copy</name>")
            .replacingOccurrences(of: "<uuid>\(uuid)</uuid>", with: "<uuid>c0de2000-0000-4000-8000-000000000001</uuid>")
            .replacingOccurrences(of: "/trust/original-root.qcow2", with: "/trust/copy-root.qcow2")
        #expect(cloneXML.contains(uuid), "the copied metadata still names the original's UUID")
        _ = try connection.defineDomain(xml: cloneXML)
        let impostor = """
            <domain type='test'>
              <name>impostor</name>
              <metadata><reconcile:resource xmlns:reconcile='https://other.example/reconcile' name='impostor' specHash='x'/></metadata>
              <memory unit='KiB'>524288</memory>
              <vcpu>1</vcpu>
              <os><type arch='x86_64'>hvm</type></os>
            </domain>
            """
        _ = try connection.defineDomain(xml: impostor)

        let observed = try await harness.hypervisor.observe()
        let copy = try #require(observed.domain(named: "copy"))
        #expect(copy.ownership == nil && copy.ownershipRecordedFor?.lowercased() == uuid.lowercased())
        #expect(observed.domain(named: "impostor")?.ownership == nil)
        #expect(observed.domain(named: "original")?.ownership?.name == "original")

        // Nothing declares them, and --prune is given: neither is deleted; the copy is reported in a notice.
        let prune = try await harness.plan(Self.original, prune: true)
        #expect(!prune.steps.contains { $0.resource.name == "copy" || $0.resource.name == "impostor" }, "\(prune.steps.map(\.id))")
        #expect(prune.conflicts.isEmpty, "undeclared, so reported, not left alone: \(prune.conflicts)")
        #expect(prune.notices.contains { $0.english.contains("'copy'") && $0.english.contains("it is a copy") && $0.english.contains("never pruned") })
        #expect(try await harness.apply(Self.original, prune: true).converged)
        let after = try await harness.hypervisor.observe()
        #expect(after.domain(named: "copy") != nil && after.domain(named: "impostor") != nil)

        // Declared without adopt: a conflict, not an update.
        let declared = Self.original + "---\n" + Manifests.document(
            "VirtualMachine", "copy", "memory: 1GiB\nstate: stopped\ndisks: [{name: root, size: 1GiB, pool: trust-pool}]") + "\n"
        let plan = try await harness.plan(declared)
        #expect(plan.conflicts.map(\.address.name) == ["copy"])
        #expect(!plan.steps.contains { $0.resource.kind == .domain && $0.resource.name == "copy" })

        // Adopted: reconcile's record is rewritten with the copy's own UUID, and it is managed from then on.
        let adopted = declared.replacingOccurrences(of: "name: copy", with: "name: copy\n  adopt: true")
        #expect(try await harness.apply(adopted).converged)
        let owned = try await harness.hypervisor.observe().domain(named: "copy")
        #expect(owned?.ownership?.uuid == "c0de2000-0000-4000-8000-000000000001")
        #expect(try await harness.plan(adopted).steps.isEmpty)
    }
}
