import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler
@testable import Spec

/// The whole corpus against libvirt's test driver (real C API and XML normalisation, no daemon).
@Suite("Corpus: adopting hand-made definitions changes only what the plan lists (test driver)")
struct CorpusTestDriverTests {
    static func run() async throws -> CorpusRun {
        let uri = try TestDriverNode.write()
        return CorpusRun(hypervisor: try await LibvirtHypervisor.connect(uri: uri), uri: uri, domainType: "test",
                         pool: "corpus", poolPath: "/corpus")
    }

    @Test("13 domains and 6 networks: every element, attribute and namespace not in the plan is kept")
    func corpus() async throws {
        let run = try await Self.run()
        try await run.load(Corpus.domains, Corpus.networks)
        let plan = try await run.adoptAndProve(Corpus.domains, Corpus.networks)
        // Sanity: the corpus exercises changed fields, not only matching ones.
        let fields = Set(plan.resources.flatMap(\.fields).map { $0.field.prefix { $0 != "[" } })
        #expect(fields.isSuperset(of: ["cpus", "memory", "disks", "networks", "ipv4"]))
    }
}
