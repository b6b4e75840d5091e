import Foundation
import Testing
@testable import LibvirtAdapter

/// The extra connections an observation of a remote host reads domains through (libvirtd serves
/// only 5 calls of one connection at a time).
@Suite("Extra read connections")
struct ReadConnectionsTests {
    @Test("only URIs with a host part are remote")
    func remoteURIs() {
        #expect(LibvirtHypervisor.isRemote("qemu+ssh://root@10.250.1.2/system"))
        #expect(LibvirtHypervisor.isRemote("qemu+ssh://root@host/system?command=/x/libvirt-ssh"))
        #expect(LibvirtHypervisor.isRemote("qemu+tls://host.example/system"))
        #expect(LibvirtHypervisor.isRemote("qemu://host/system"))
        #expect(!LibvirtHypervisor.isRemote("qemu:///system"))
        #expect(!LibvirtHypervisor.isRemote("qemu:///session?socket=/run/x"))
        #expect(!LibvirtHypervisor.isRemote("test:///default"))
        #expect(!LibvirtHypervisor.isRemote("test:///tmp/node.xml"))
    }

    /// A node file with `count` domains that differ in memory and vCPUs, so a read that picked the
    /// wrong domain's handle would show. UUIDs are fixed: the test driver makes up new ones per
    /// connection for domains without one.
    static func node(domains count: Int) throws -> String {
        let domains = (1...count).map { i in
            "<domain type='test'><name>vm-\(i)</name><uuid>\(String(format: "00000000-0000-4000-8000-%012d", i))</uuid><memory unit='KiB'>\(65536 * i)</memory><vcpu>\(1 + i % 4)</vcpu>"
                + "<os><type arch='x86_64'>hvm</type></os></domain>"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-readers-\(UUID().uuidString).xml")
        try ("<node>" + domains.joined() + "</node>").write(to: url, atomically: true, encoding: .utf8)
        return "test://\(url.path)"
    }

    @Test("domains read through several connections are the ones read through one")
    func stripedReadsMatch() async throws {
        let uri = try Self.node(domains: 50)
        let hypervisor = try await LibvirtHypervisor.connect(uri: uri)
        let alone = try await hypervisor.observeConcurrently(readers: [hypervisor.connection])
        // Each test:///FILE connection is its own copy of the file: the same domains, other handles.
        let extra = try (0..<3).map { _ in try LibvirtConnection(uri: uri) }
        let striped = try await hypervisor.observeConcurrently(readers: [hypervisor.connection] + extra)
        #expect(alone.domains.count == 50)
        #expect(striped.domains == alone.domains)
    }

    @Test("a local host is read through its one connection")
    func localUsesOneConnection() async throws {
        let hypervisor = try await LibvirtHypervisor.connect(uri: try Self.node(domains: 1))
        let readers = await hypervisor.readConnections()
        #expect(readers.count == 1 && readers.first === hypervisor.connection)
    }
}
