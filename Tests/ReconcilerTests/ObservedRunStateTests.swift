import CLibvirt
import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler

/// An observation takes run states from one bulk call for the active domains only, and persistence
/// from the list of transient ones: every combination must still come out as the host has it.
@Suite("Run state and persistence from the bulk calls")
struct ObservedRunStateTests {
    static func domainXML(_ name: String) -> String {
        "<domain type='test'><name>\(name)</name><memory unit='KiB'>65536</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>"
    }

    @Test("running, paused, shut off and transient domains are observed as they are")
    func statesAndPersistence() async throws {
        let uri = try ReadConnectionsTests.node(domains: 2)
        let hypervisor = try await LibvirtHypervisor.connect(uri: uri)
        let connection = hypervisor.connection
        // The node file's domains start running; vm-2 is paused.
        let paused = try #require(try connection.domain(named: "vm-2"))
        #expect(virDomainSuspend(paused.pointer) == 0)
        _ = try connection.defineDomain(xml: Self.domainXML("stopped"))
        let transient = try #require(virDomainCreateXML(connection.pointer, Self.domainXML("transient"), 0))
        defer { virDomainFree(transient) }

        let state = try await hypervisor.observe()
        let byName = Dictionary(uniqueKeysWithValues: state.domains.map { ($0.name, $0) })
        #expect(byName["vm-1"]?.state == .running && byName["vm-1"]?.persistent == true)
        #expect(byName["vm-2"]?.state == .paused && byName["vm-2"]?.persistent == true)
        #expect(byName["stopped"]?.state == .shutoff && byName["stopped"]?.persistent == true)
        #expect(byName["transient"]?.state == .running && byName["transient"]?.persistent == false)
        #expect(state.domains.count == 4)
    }
}
