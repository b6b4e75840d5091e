import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// Part of the corpus against a real libvirtd + QEMU (started by scripts/test.sh in a private network
/// namespace): its normalisation is the one users meet. Nothing is started: definitions only.
/// In the serialized real-libvirtd suite, so it never observes the host while another test changes it.
extension RealLibvirtTests {
    @Test("corpus: adopting changes only what the plan lists; a matching VM gets nothing but reconcile's metadata element")
    func corpusAdoption() async throws {
        RealCorpusSubset.cleanUp()
        defer { RealCorpusSubset.cleanUp() }
        let run = CorpusRun(hypervisor: try await LibvirtHypervisor.connect(uri: RealLibvirt.uri), uri: RealLibvirt.uri,
                            domainType: "qemu", pool: RealCorpusSubset.pool, poolPath: RealCorpusSubset.poolPath)
        try await run.load(RealCorpusSubset.domains, RealCorpusSubset.networks)
        let before = try run.domainXML("foreign-metadata")
        try await run.adoptAndProve(RealCorpusSubset.domains, RealCorpusSubset.networks)

        // Spelled out for the matching VM: the definition is the same but for reconcile's element.
        var after = try EditableXMLElement(parsing: try run.domainXML("foreign-metadata"), what: "domain")
        let metadata = try #require(after.child("metadata"))
        #expect(metadata.elements.count == 3, "libosinfo, the backup tool's, and reconcile's")
        Corpus.withoutOwnership(&after)
        #expect(CanonicalXML.of(after) == (try CanonicalXML.of(before)))
    }
}
