import Testing
@testable import Spec

@Suite("Names reserved for the apply lock")
struct ReservedNameTests {
    @Test("a network named like the lock network, or on its bridge, is refused with file, line and field")
    func lockNetworkNameIsReserved() throws {
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("Network", "reconcile-lock", "mode: isolated"),
            Manifests.document("Network", "other", "mode: isolated\nbridge: reconcile-lck")))
        let messages = fixture.diagnostics().map(\.description)
        #expect(messages.contains { $0.hasPrefix("\(fixture.file()):") && $0.contains("metadata.name: 'reconcile-lock' is reserved") },
                "\(messages)")
        #expect(messages.contains { $0.contains("spec.bridge: 'reconcile-lck' is reserved") }, "\(messages)")
    }
}
