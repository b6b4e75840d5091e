import Foundation
@testable import Spec
import Testing
import Yams

/// docs/manifests.md, the JSON Schema and the validator come from one field catalog and stay in step.
@Suite("Field catalog, schema and docs")
struct FieldCatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A document holding every field and every nested mapping the catalog lists (values need not be
    /// valid: a reader knows its keys before it checks values), as JSON, which is YAML too.
    static func documentWithEveryField(of kind: ResourceKind) throws -> String {
        let value = sample(of: .object(ObjectDescription("", FieldCatalog.documentFields(of: kind))))
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func sample(of type: FieldType) -> Any {
        switch type {
        case .string: "x"
        case .integer: 1
        case .boolean: true
        case .size: "1GiB"
        case .choice(let values): values.first ?? ""
        case .object(let object):
            Dictionary(uniqueKeysWithValues: object.fields.map { ($0.name, sample(of: $0.type)) })
        case .list(let item): [sample(of: item)]
        // A mapping alternative reaches a nested reader; a scalar one would not.
        case .either(let types): sample(of: types.first { if case .object = $0 { true } else { false } } ?? types[0])
        case .stringMap, .anyMapping: ["a": "b"]
        }
    }

    /// The catalog's keys per mapping path, as `DocumentContext.acceptedKeys` records the readers'.
    static func catalogKeys(of kind: ResourceKind) -> [String: Set<String>] {
        var keys = ["": Set(FieldCatalog.documentFields(of: kind).map(\.name))]
        for object in FieldCatalog.objects(of: kind) {
            keys[object.path, default: []].formUnion(object.fields.map(\.name) + object.refusedKeys.keys)
        }
        return keys
    }

    @Test("the readers accept exactly the keys the catalog lists, in every mapping", arguments: ResourceKind.allCases)
    func readersMatchCatalog(kind: ResourceKind) throws {
        let accepted = ManifestLoader().acceptedKeys(ofDocument: try Self.documentWithEveryField(of: kind))
        let catalog = Self.catalogKeys(of: kind)
        for path in Set(accepted.keys).union(catalog.keys).sorted() {
            let reader = accepted[path] ?? []
            let listed = catalog[path] ?? []
            #expect(reader.subtracting(listed).isEmpty, "\(kind.rawValue) \(path): read but not in FieldCatalog: \(reader.subtracting(listed).sorted())")
            #expect(listed.subtracting(reader).isEmpty, "\(kind.rawValue) \(path): in FieldCatalog but not read: \(listed.subtracting(reader).sorted())")
        }
    }

    @Test("the comparison can fail: a key the catalog lacks shows up as read but not listed")
    func comparisonCanFail() throws {
        var catalog = Self.catalogKeys(of: .virtualMachine)
        catalog["spec.disks[]"]?.remove("bus")
        let accepted = ManifestLoader().acceptedKeys(ofDocument: try Self.documentWithEveryField(of: .virtualMachine))
        #expect(accepted["spec.disks[]"]?.subtracting(catalog["spec.disks[]"] ?? []) == ["bus"])
    }

    @Test("docs/manifests.md and docs/reconcile.schema.json are what `reconcile schema` prints")
    func committedFilesAreCurrent() throws {
        let markdown = try String(contentsOf: Self.root.appendingPathComponent("docs/manifests.md"), encoding: .utf8)
        #expect(markdown == FieldCatalog.markdown(), "regenerate: reconcile schema --markdown > docs/manifests.md")
        let schema = try String(contentsOf: Self.root.appendingPathComponent("docs/reconcile.schema.json"), encoding: .utf8)
        #expect(schema == FieldCatalog.jsonSchema(), "regenerate: reconcile schema > docs/reconcile.schema.json")
        let printed = try CLI.reconcile(["schema"])
        #expect(printed.status == 0 && printed.stdout == FieldCatalog.jsonSchema())
    }

    static func schema() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(FieldCatalog.jsonSchema().utf8))
        return try #require(object as? [String: Any])
    }

    /// Every document of a YAML text checked against the schema; the problems, by document.
    static func schemaProblems(_ text: String, file: String) throws -> [String] {
        let schema = try schema()
        return Array(try Yams.load_all(yaml: text)).enumerated().flatMap { index, document -> [String] in
            JSONSchemaChecker.problems(JSONSchemaChecker.plain(document), against: schema).map { "\(file) document \(index + 1): \($0)" }
        }
    }

    @Test("the schema refuses an unknown field, a missing required one and a wrong kind")
    func schemaCanFail() throws {
        let good = FieldCatalog.example(of: .storagePool)
        #expect(try Self.schemaProblems(good, file: "good").isEmpty)
        for bad in [good + "\n  colour: red", good.replacingOccurrences(of: "  path: /var/lib/libvirt/images", with: "  type: dir"),
                    good.replacingOccurrences(of: "kind: StoragePool", with: "kind: Pool"),
                    good + "\n  autostart: maybe"] {
            #expect(!(try Self.schemaProblems(bad, file: "bad")).isEmpty, "\(bad)")
        }
    }

    /// The fenced ```yaml blocks of a Markdown file that are whole manifest documents.
    static func manifestBlocks(in markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```yaml" {
                current = []
            } else if let lines = current, line.trimmingCharacters(in: .whitespaces) == "```" {
                let block = lines.joined(separator: "\n")
                if block.contains("apiVersion:") && block.contains("kind:") { blocks.append(block) }
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test("every manifest in examples/ and in the docs' yaml blocks passes reconcile validate and the JSON Schema")
    func examplesValidate() throws {
        let examples = Self.root.appendingPathComponent("examples")
        let validate = try CLI.reconcile(["validate", examples.path])
        #expect(validate.status == 0, "\(validate.output)")
        for name in ["hosts.yaml", "distributions.yaml"] {
            let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
            #expect(try Self.schemaProblems(text, file: name) == [])
        }

        let docs = Self.root.appendingPathComponent("docs")
        let pages = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
        var checked = 0
        for page in pages {
            let blocks = Self.manifestBlocks(in: try String(contentsOf: docs.appendingPathComponent(page), encoding: .utf8))
            guard !blocks.isEmpty else { continue }
            checked += blocks.count
            // One page's blocks together: a VM names the Network and Distribution shown beside it.
            let fixture = try ManifestFixture(blocks.joined(separator: "\n---\n") + "\n")
            let run = try CLI.reconcile(["validate", fixture.file("manifest.yaml")])
            #expect(run.status == 0, "\(page): \(run.output)")
            for (index, block) in blocks.enumerated() {
                #expect(try Self.schemaProblems(block, file: "\(page) block \(index + 1)") == [])
            }
        }
        #expect(checked >= ResourceKind.allCases.count, "docs/manifests.md shows an example of every kind")
    }
}
