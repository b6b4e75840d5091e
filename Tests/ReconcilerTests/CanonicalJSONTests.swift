import Foundation
import Testing
@testable import Reconciler
@testable import Spec

/// Spec hashes are recorded on hosts: the fast writer must produce JSONEncoder's bytes exactly, or
/// every managed object would look changed after an upgrade.
@Suite("Canonical JSON for spec hashes")
struct CanonicalJSONTests {
    static func jsonEncoderBytes<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func expectSameBytes<Value: Encodable>(_ value: Value, _ comment: Comment? = nil,
                                                  sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let fast = try CanonicalJSON.encode(value)
        let reference = try jsonEncoderBytes(value)
        #expect(String(decoding: fast, as: UTF8.self) == String(decoding: reference, as: UTF8.self), comment,
                sourceLocation: sourceLocation)
        #expect(SpecHash.of(value) == SpecHash.viaJSONEncoder(value), comment, sourceLocation: sourceLocation)
    }

    enum Color: String, Codable { case red, dark = "dark/blue" }
    enum Level: Int, Codable { case low = 1, high = 10 }

    struct Nested: Codable { var inner: String?; var flags: [Bool] = [] }
    struct Empty: Codable {}

    /// Keys in cases, digits and symbols, strings with every control character, optionals left out
    /// and written as null, nested containers, dictionaries and the integer extremes.
    struct Awkward: Encodable {
        var text = "quote \" backslash \\ slash / tab \t newline \n cr \r bell \u{7} nul \u{0} esc \u{1B} del \u{7F} "
            + "bs \u{8} ff \u{C} c1 \u{85} ls \u{2028} bidi \u{202E} é 日本 🚀"
        var absent: String? = nil
        var present: String? = "x"
        var items: [String?] = ["a", nil, "b"]
        var colors: [Color] = [.red, .dark]
        var level = Level.high
        var byName: [String: Int] = ["b": 2, "B": 1, "a10": 10, "a9": 9, "a": 0, "_x": 5, "A": 3, "ä": 4, "a-b": 6, "a.b": 7, "": 8,
                                       "a\u{308}z": 11, "\u{E4}x": 12, "Z": 13, "~": 14]
        var byNumber: [Int: String] = [10: "ten", 9: "nine", -1: "minus one"]
        var nested = Nested(inner: nil, flags: [true, false])
        var deeper: [[String: Nested]] = [["k": Nested(inner: "v")], [:]]
        var empty = Empty()
        var extremes: [Int64] = [Int64.min, -1, 0, Int64.max]
        var unsigned = UInt64.max
        var small: Int8 = -128
        var truth = true

        enum CodingKeys: String, CodingKey {
            case text, absent, present, items, colors, level, byName, byNumber, nested, deeper, empty, extremes, unsigned, small, truth
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encodeIfPresent(absent, forKey: .absent)
            try container.encode(present, forKey: .present)
            try container.encode(items, forKey: .items)
            try container.encode(colors, forKey: .colors)
            try container.encode(level, forKey: .level)
            try container.encode(byName, forKey: .byName)
            try container.encode(byNumber, forKey: .byNumber)
            var nestedContainer = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .nested)
            try nestedContainer.encode(nested.flags, forKey: .items)
            try nestedContainer.encodeNil(forKey: .absent)
            var list = container.nestedUnkeyedContainer(forKey: .deeper)
            try list.encode(deeper)
            try list.encodeNil()
            try container.encode(empty, forKey: .empty)
            try container.encode(extremes, forKey: .extremes)
            try container.encode(unsigned, forKey: .unsigned)
            try container.encode(small, forKey: .small)
            try container.encode(truth, forKey: .truth)
        }
    }

    /// A key written twice: the last value stays, where the first one was.
    struct Twice: Encodable {
        enum Key: String, CodingKey { case k, a, z }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode("first", forKey: .k)
            try container.encode(1, forKey: .z)
            try container.encode(["second"], forKey: .k)
            var again = encoder.container(keyedBy: Key.self)
            try again.encode(true, forKey: .a)
            try again.encode("third", forKey: .k)
        }
    }

    @Test("awkward keys, strings, optionals, containers and integers: JSONEncoder's bytes")
    func awkwardValues() throws {
        try Self.expectSameBytes(Awkward())
        try Self.expectSameBytes(Twice())
        try Self.expectSameBytes([Twice(), Twice()])
        try Self.expectSameBytes("a top-level string \u{1} /")
        try Self.expectSameBytes([1, 2, 3])
        try Self.expectSameBytes(["z": [String: String](), "y": ["q": "r"]])
        // Every C0 control and the printable ASCII range, one by one.
        for scalar in (0x00...0x7F).compactMap(Unicode.Scalar.init) {
            try Self.expectSameBytes(["k\(scalar)": "v\(scalar)"], "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("every VM of the examples and every field of a domain definition: the same hash as before")
    func domainDefinitions() throws {
        let manifests = try ManifestLoader().load(paths: [Manifests.exampleDirectory])
        #expect(!manifests.virtualMachines.isEmpty)
        for hypervisor in manifests.hypervisors {
            let state = IndexedHostState(HostState(capabilities: HostCapabilities(domainTypes: ["kvm", "qemu"], arch: "x86_64")))
            let builder = DefinitionBuilder(hypervisor: hypervisor, manifests: manifests, state: state, commit: "0123abc")
            for spec in manifests.virtualMachines where spec.hypervisor == hypervisor.name {
                if let agent = spec.agent { try Self.expectSameBytes(agent, "\(spec.name)'s agent") }
                var definition = builder.domain(spec, observed: nil)
                try Self.expectSameBytes(definition, "\(spec.name)")
                definition.uuid = "6a0c1e7e-2f5b-4a54-9d3c-3f1b2a7c9e10"
                definition.maxMemoryKiB = 4_194_304
                definition.maxVcpus = 8
                definition.seedPath = "/var/lib/libvirt/images/\(spec.name)-seed.iso"
                definition.kernelPath = "/srv/vmlinuz"
                definition.cmdline = "console=ttyS0 ds=nocloud;s=/dev/sr0 \"quoted\""
                definition.firmware = .uefi
                definition.secureBoot = true
                definition.tpm = true
                definition.cdrom = DefinitionBuilder.cdrom(path: "/srv/isos/tools.iso", q35: true)
                definition.bootDevices = ["hd", "cdrom"]
                definition.installing = true
                definition.ownership.snapshots = ["before-upgrade", "nightly"]
                definition.ownership.agent = "sha256:abc"
                try Self.expectSameBytes(definition, "\(spec.name), every field")
            }
            for distribution in manifests.distributions {
                try Self.expectSameBytes(distribution.agentInstall, "\(distribution.name)'s agent install")
            }
            for spec in manifests.networks where spec.hypervisor == hypervisor.name {
                try Self.expectSameBytes(builder.network(spec), "\(spec.name)")
            }
        }
    }

    @Test("keys sorted by their first 16 bytes and then the rest: JSONEncoder's order, whatever the keys share")
    func keyOrder() throws {
        let long = String(repeating: "k", count: 16)
        let keys = ["b", "a", "ab", "a\u{0}", "a\u{0}b", "", "\u{e9}", "z", "\u{1F600}", long, long + "a", long + "\u{0}",
                    long + "b" + long, long + "a" + long, String(long.prefix(15)), "A", "_", "~"]
        // A dictionary's keys, written by JSONEncoder in its own order.
        try Self.expectSameBytes(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) }))
        let byPrecedes = keys.indices.sorted { CanonicalJSON.precedes(keys[$0], keys[$1]) }
        #expect(CanonicalJSON.sortedOrder(of: keys) == byPrecedes)
        // Equal keys keep the order they were written in.
        #expect(CanonicalJSON.sortedOrder(of: ["b", long + "x", "a", "b", long + "x", "a"]) == [2, 5, 0, 3, 1, 4])
    }

    @Test("floating point is not written here: the hash falls back to JSONEncoder")
    func floatingPointFallsBack() throws {
        #expect(throws: CanonicalJSON.Unsupported.self) { try CanonicalJSON.encode(["ratio": 0.1]) }
        #expect(throws: CanonicalJSON.Unsupported.self) { try CanonicalJSON.encode([Date(timeIntervalSince1970: 0)]) }
        #expect(SpecHash.of(["ratio": 0.1]) == SpecHash.viaJSONEncoder(["ratio": 0.1]))
    }
}
