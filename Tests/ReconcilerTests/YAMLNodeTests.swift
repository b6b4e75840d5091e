import Foundation
import Testing
import Yams
@testable import Spec

/// The scanner builds each document's tree from the events it reads; Yams' composer used to build it
/// from a second parse. The two must agree on everything the readers look at.
@Suite("YAML trees built from the scanner's events match Yams' composer")
struct YAMLNodeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Shapes the examples do not hold: every scalar style, tags, anchors and aliases, flow
    /// collections, empty documents, `%TAG` directives and non-string keys.
    static let edgeCases = [
        "plain: a\nsingle: 'b'\ndouble: \"c\\u00e9\"\nliteral: |\n  line 1\n  line 2\nfolded: >\n  one\n  two\n",
        "nulls: [~, null, Null, NULL, '', !!null x, \"\"]\nbools: {a: yes, b: No, c: !!bool true}\n",
        "base: &base {cpus: 2, memory: 1GiB}\ncopy: *base\nlist: &items [a, b, &one c]\nagain: [*items, *one]\n",
        "---\n---\nkey: value\n---\n# only a comment\n",
        "%TAG !r! tag:reconcile.example,2026:\n---\nthing: !r!custom value\nstr: !!str 12\nbare: ! 12\n",
        "1: one\n!!int 2: two\nempty:\nnested: {a: [1, {b: [2, 3]}], c: {}}\n",
        "? [complex, key]\n: value\n",
        "userData:\n  runcmd:\n    - [sh, -c, 'echo hi']\n  write_files: &w\n    - {path: /etc/x, content: \"a\\nb\"}\n  again: *w\n",
        "  indented: \u{00e9}t\u{00e9}\n  unicode: \"\u{1F600} \u{00e9}\"\n",
    ]

    static func corpus() throws -> [(name: String, text: String)] {
        var texts = edgeCases.enumerated().map { ("edge case \($0.offset)", $0.element) }
        for name in ["examples/hosts.yaml", "examples/distributions.yaml"] {
            texts.append((name, try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)))
        }
        return texts
    }

    @Test("same documents, shapes, strings, tags, styles and positions; same YAML when serialized")
    func treesMatchTheComposer() throws {
        for (name, text) in try Self.corpus() {
            let scan = YAMLEventScanner(file: name).scan(text)
            // A collection as a key may equal another: only the composer tells.
            #expect(scan.needsComposer == text.hasPrefix("? ["), "\(name)")
            let composed = try Yams.compose_all(yaml: text, .manifests).map { $0 }
            try #require(scan.documents.count == composed.count, "\(name): \(scan.documents.count) documents, Yams \(composed.count)")
            for (built, expected) in zip(scan.documents, composed) {
                Self.expectSame(built, expected, at: name)
                #expect(try Yams.serialize(node: built.yamsNode) == Yams.serialize(node: expected), "\(name)")
            }
        }
    }

    @Test("what only the composer can word is left to it: syntax errors, keys written twice, undefined aliases")
    func errorsGoToTheComposer() {
        for text in ["a: [1, 2\n", "a: 1\na: 2\n", "a: *nowhere\n", "? [k]\n: 1\n? [k]\n: 2\n", "key: value\n\tbad: tab\n"] {
            #expect(YAMLEventScanner(file: "x.yaml").scan(text).needsComposer, "\(text.debugDescription)")
        }
        #expect(!YAMLEventScanner(file: "x.yaml").scan("a: 1\nb: [1, 2]\n").needsComposer)
    }

    static func expectSame(_ built: YAMLNode, _ expected: Node, at name: String) {
        let mark = built.mark
        #expect(mark.line == expected.mark?.line && mark.column == expected.mark?.column,
                "\(name): \(mark) against \(String(describing: expected.mark))")
        switch (built, expected) {
        case (.scalar(let scalar), .scalar(let other)):
            #expect(scalar.string == other.string, "\(name): \(scalar.string.debugDescription)")
            #expect(scalar.style == other.style, "\(name): style of \(scalar.string.debugDescription)")
            // `Node.tag` is the resolved tag, which the readers took a key's to be.
            #expect(scalar.isString == (expected.tag.rawValue == Tag.Name.str.rawValue), "\(name): tag of \(scalar.string.debugDescription)")
            // What the readers took for null when they read Yams' nodes.
            let composedNull = other.tag.description.hasSuffix(":null")
                || (other.style == .plain && ["", "~", "null", "Null", "NULL"].contains(other.string))
            #expect(scalar.isNull == composedNull, "\(name): null \(scalar.string.debugDescription)")
        case (.mapping(let mapping), .mapping(let other)):
            #expect(mapping.pairs.count == other.count, "\(name) at \(mark)")
            for ((key, value), (otherKey, otherValue)) in zip(mapping.pairs, other) {
                expectSame(key, otherKey, at: name)
                expectSame(value, otherValue, at: name)
            }
        case (.sequence(let sequence), .sequence(let other)):
            #expect(sequence.items.count == other.count, "\(name) at \(mark)")
            for (item, otherItem) in zip(sequence.items, other) {
                expectSame(item, otherItem, at: name)
            }
        default:
            Issue.record("\(name): a \(built) where Yams composed \(expected)")
        }
    }
}
