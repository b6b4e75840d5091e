import Testing
import Yams
@testable import Spec

@Suite("The manifests' YAML resolver: plain scalars are strings, fields give them their meaning")
struct ManifestResolverRuleTests {
    static let scalars = ["apiVersion", "bench-vm-0001", "yes", "on", "true", "null", "~", "", "12", "0x1F", "3.14",
                          "2026-12-03", "<<", "64MiB", "qemu:///system"]

    @Test("every untagged plain scalar resolves to !!str, with no rule to try")
    func plainScalarsAreStrings() {
        #expect(Resolver.manifests.rules.isEmpty)
        for scalar in Self.scalars {
            #expect(Resolver.manifests.resolveTag(of: Node.scalar(Node.Scalar(scalar))) == .str, "\(scalar.debugDescription)")
        }
    }

    @Test("null words, bools, counts and keys still read as YAML means them")
    func fieldsReadTheirMeaning() throws {
        for null in ["~", "null", "Null", "NULL", "!!null ''", "''"] {
            let yaml = "kind: Network\nmetadata: {name: lab, labels: {team: \(null)}}\n"
            let node = try #require(YAMLEventScanner(file: "test.yaml").scan(yaml).documents.first)
            guard case .mapping(let top) = node, case .mapping(let metadata)? = Self.value(top, "metadata"),
                  case .mapping(let labels)? = Self.value(metadata, "labels"), case .scalar(let team)? = Self.value(labels, "team") else {
                Issue.record("unexpected shape for \(null)")
                continue
            }
            // A quoted empty string is a value, not a null.
            #expect(team.isNull == (null != "''"), "\(null)")
        }
        let fixture = try ManifestFixture(Manifests.document("Network", "lab",
                                                             "mode: isolated\nautostart: no\nipv4: {address: 10.9.0.1, prefix: 24}"))
        let set = try fixture.load()
        let network = try #require(set.networks.first)
        #expect(network.autostart == false)
        #expect(network.ipv4?.prefix == 24)
    }

    static func value(_ mapping: YAMLNode.Mapping, _ key: String) -> YAMLNode? {
        mapping.pairs.last { $0.key.string == key }?.value
    }
}
