import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// Part of the corpus against a real libvirtd + QEMU (started by scripts/test.sh in a private network
/// namespace): its normalisation is the one users meet. Nothing is started: definitions only.
@Suite("Corpus against a real libvirtd", .serialized,
       .enabled(if: RealLibvirt.isConfigured,
                "REAL-LIBVIRTD TESTS NOT RUN: RECONCILE_TEST_LIBVIRT_URI is unset; run scripts/test.sh as root"))
struct RealCorpusTests {
    static let poolPath = "/var/lib/libvirt/images/reconcile-corpus-test"
    static let pool = "rc-corpus"

    static let domains: [CorpusCase] = [
        // UEFI + Secure Boot loader/nvram, q35: matches, so adopting it only records ownership.
        Corpus.domains.first { $0.name == "uefi-secureboot" },
        // Title, description, another tool's metadata, a CD-ROM, VNC, qemu:commandline: matches.
        Corpus.domains.first { $0.name == "foreign-metadata" },
        // TPM on q35: CPUs change.
        Corpus.domains.first { $0.name == "tpm" },
    ].compactMap { $0 } + [
        // SPICE + QXL: memory changes, a disk and a NIC are added.
        CorpusCase(name: "spice-qxl", cpus: 2, memory: "2GiB", network: "corpus-dhcp-hosts", mac: "52:54:00:c0:00:07",
                   addDisk: true, addNetwork: "corpus-nat6"),
    ]

    /// IPv6 NAT with another tool's metadata (matches), and DHCP host entries (its range changes).
    static let networks = Corpus.networks.filter { ["corpus-nat6", "corpus-dhcp-hosts"].contains($0.name) }

    static func cleanUp() {
        for domain in domains.map(\.name) { try? RealLibvirt.virsh(["undefine", domain, "--nvram"]) }
        for network in networks.map(\.name) { try? RealLibvirt.virsh(["net-undefine", network]) }
        for volume in domains.flatMap({ ["\($0.name)-root.qcow2", "\($0.name)-data.qcow2"] }) {
            try? RealLibvirt.virsh(["vol-delete", volume, "--pool", pool])
        }
        try? RealLibvirt.virsh(["pool-destroy", pool])
        try? RealLibvirt.virsh(["pool-undefine", pool])
        try? FileManager.default.removeItem(atPath: poolPath)
    }

    @Test("adopting changes only what the plan lists; a matching VM gets nothing but reconcile's metadata element")
    func corpus() async throws {
        Self.cleanUp()
        defer { Self.cleanUp() }
        let run = CorpusRun(hypervisor: try await LibvirtHypervisor.connect(uri: RealLibvirt.uri), uri: RealLibvirt.uri,
                            domainType: "qemu", pool: Self.pool, poolPath: Self.poolPath)
        try await run.load(Self.domains, Self.networks)
        let before = try run.domainXML("foreign-metadata")
        try await run.adoptAndProve(Self.domains, Self.networks)

        // Spelled out for the matching VM: the definition is the same but for reconcile's element.
        var after = try EditableXMLElement(parsing: try run.domainXML("foreign-metadata"), what: "domain")
        let metadata = try #require(after.child("metadata"))
        #expect(metadata.elements.count == 3, "libosinfo, the backup tool's, and reconcile's")
        Corpus.withoutOwnership(&after)
        #expect(CanonicalXML.of(after) == (try CanonicalXML.of(before)))
    }
}
