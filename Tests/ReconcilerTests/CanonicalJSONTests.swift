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
        try expectEncodableSameBytes(value, comment, sourceLocation: sourceLocation)
    }

    static func expectEncodableSameBytes<Value: Encodable>(_ value: Value, _ comment: Comment?,
                                                           sourceLocation: Testing.SourceLocation) throws {
        let fast = try CanonicalJSON.encode(value)
        let reference = try jsonEncoderBytes(value)
        #expect(String(decoding: fast, as: UTF8.self) == String(decoding: reference, as: UTF8.self), comment,
                sourceLocation: sourceLocation)
        #expect(SpecHash.of(value) == SpecHash.viaJSONEncoder(value), comment, sourceLocation: sourceLocation)
    }

    /// A type that writes its JSON itself: its own bytes too, and its hash through `SpecHash`'s
    /// overload for it.
    static func expectSameBytes<Value: CanonicalJSONWritable>(_ value: Value, _ comment: Comment? = nil,
                                                             sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try expectEncodableSameBytes(value, comment, sourceLocation: sourceLocation)
        var writer = CanonicalJSONWriter()
        value.write(to: &writer)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: try jsonEncoderBytes(value), as: UTF8.self),
                comment, sourceLocation: sourceLocation)
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

    /// Every field set, every list with two entries, strings that need escaping.
    static func fullDefinition() -> DomainDefinition {
        var ownership = Ownership(name: "web \"1\"", specHash: "", volumes: [
            OwnedVolume(pool: "default", name: "web-root.qcow2", deleteWithVM: true),
            OwnedVolume(pool: "fast", name: "web-data.raw", deleteWithVM: false),
        ], baseImage: "sha256:base", seed: "sha256:seed", agent: "sha256:agent",
           uuid: "6a0c1e7e-2f5b-4a54-9d3c-3f1b2a7c9e10", commit: "0123abc")
        ownership.cdrom = "sdy"
        ownership.snapshots = ["before-upgrade", "nightly\t2"]
        ownership.devices = OwnedDevices(disks: [OwnedDevices.Disk(target: "vda", source: "/a"), OwnedDevices.Disk(target: "sdb", source: "/b")],
                                         interfaces: ["52:54:00:AA:BB:CC", "52:54:00:00:00:01"])
        var definition = DomainDefinition(
            name: "web", uuid: "6a0c1e7e-2f5b-4a54-9d3c-3f1b2a7c9e10", type: "qemu", vcpus: -2, memoryKiB: UInt64.max,
            disks: [DomainDefinition.Disk(pool: "default", volume: "web-root.qcow2", path: "/var/lib/libvirt/images/web-root.qcow2",
                                          target: "vda", bus: .virtio, format: .qcow2),
                    DomainDefinition.Disk(pool: "fast", volume: "web-data.raw", path: "/srv/fast/web-data.raw",
                                          target: "sda", bus: .sata, format: .raw)],
            interfaces: [DomainDefinition.Interface(network: "lan", mac: "52:54:00:aa:bb:cc"),
                         DomainDefinition.Interface(network: "wan", mac: "52:54:00:00:00:01")],
            vnc: true, ownership: ownership, seedPath: "/var/lib/libvirt/images/web-seed.iso", kernelPath: "/srv/vmlinuz",
            initrdPath: "/srv/initrd", cmdline: "console=ttyS0 ds=nocloud;s=/dev/sr0 \"quoted\" \u{1}")
        definition.maxMemoryKiB = 0
        definition.maxVcpus = Int.max
        definition.firmware = .uefi
        definition.secureBoot = false
        definition.tpm = true
        definition.cdrom = DefinitionBuilder.cdrom(path: "/srv/isos/tools.iso", q35: true)
        definition.bootDevices = ["hd", "cdrom"]
        definition.installing = true
        return definition
    }

    @Test("the definitions that write their JSON themselves: JSONEncoder's bytes, with every field, with none, and mixed")
    func writtenDirectly() throws {
        let full = Self.fullDefinition()
        try Self.expectSameBytes(full)
        try Self.expectSameBytes(full.ownership)
        try Self.expectSameBytes(full.ownership.devices ?? OwnedDevices())
        var bare = DomainDefinition(name: "", type: "kvm", vcpus: 0, memoryKiB: 0, disks: [], interfaces: [], vnc: false,
                                    ownership: Ownership(name: "", specHash: ""))
        try Self.expectSameBytes(bare)
        bare.ownership.devices = OwnedDevices()
        bare.vcpus = Int.min
        try Self.expectSameBytes(bare)
        // Random subsets of the optional fields and list entries left out, random numbers.
        var generator = SplitMix64(seed: 9)
        for _ in 0..<200 {
            var mixed = full
            if generator.next() % 2 == 0 { mixed.uuid = nil }
            if generator.next() % 2 == 0 { mixed.maxMemoryKiB = nil }
            if generator.next() % 2 == 0 { mixed.maxVcpus = nil }
            if generator.next() % 2 == 0 { mixed.seedPath = nil }
            if generator.next() % 2 == 0 { mixed.kernelPath = nil }
            if generator.next() % 2 == 0 { mixed.initrdPath = nil }
            if generator.next() % 2 == 0 { mixed.cmdline = nil }
            if generator.next() % 2 == 0 { mixed.firmware = nil }
            if generator.next() % 2 == 0 { mixed.secureBoot = nil }
            if generator.next() % 2 == 0 { mixed.tpm = nil }
            if generator.next() % 2 == 0 { mixed.cdrom = nil }
            if generator.next() % 2 == 0 { mixed.bootDevices = generator.next() % 2 == 0 ? nil : [] }
            if generator.next() % 2 == 0 { mixed.installing = nil }
            if generator.next() % 2 == 0 { mixed.interfaces[1].mac = nil }
            if generator.next() % 2 == 0 { mixed.disks.removeLast(Int(generator.next() % 3)) }
            if generator.next() % 2 == 0 { mixed.interfaces.removeLast(Int(generator.next() % 3)) }
            if generator.next() % 2 == 0 { mixed.ownership.agent = nil }
            if generator.next() % 2 == 0 { mixed.ownership.baseImage = nil }
            if generator.next() % 2 == 0 { mixed.ownership.seed = nil }
            if generator.next() % 2 == 0 { mixed.ownership.cdrom = nil }
            if generator.next() % 2 == 0 { mixed.ownership.uuid = nil }
            if generator.next() % 2 == 0 { mixed.ownership.commit = nil }
            if generator.next() % 2 == 0 { mixed.ownership.snapshots = nil }
            if generator.next() % 2 == 0 { mixed.ownership.devices = nil }
            if generator.next() % 2 == 0 { mixed.ownership.volumes = [] }
            mixed.vcpus = Int(truncatingIfNeeded: generator.next())
            mixed.memoryKiB = generator.next() >> (generator.next() % 64)
            try Self.expectSameBytes(mixed)
        }
    }

    /// A stored property added to a definition and not to its writer would leave it out of the hash:
    /// a change to it would never reach the host. Every property `Mirror` sees must be a key written.
    @Test("every stored property of the directly written types is in their JSON")
    func writtenDirectlyCoversEveryProperty() throws {
        var writer = CanonicalJSONWriter()
        Self.fullDefinition().write(to: &writer)
        let json = try JSONSerialization.jsonObject(with: Data(writer.bytes))
        Self.expectEveryProperty(of: Self.fullDefinition(), in: json, path: "DomainDefinition")
    }

    static func expectEveryProperty(of value: Any, in json: Any, path: String) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct:
            guard let object = json as? [String: Any] else {
                Issue.record("\(path) is not written as an object")
                return
            }
            let labels = mirror.children.compactMap(\.label)
            #expect(Set(labels) == Set(object.keys), "\(path): properties and keys differ")
            for child in mirror.children {
                guard let label = child.label, let member = object[label] else { continue }
                expectEveryProperty(of: child.value, in: member, path: "\(path).\(label)")
            }
        case .optional:
            guard let wrapped = mirror.children.first?.value else {
                Issue.record("\(path) is nil in the full definition: set it, so its key is checked")
                return
            }
            expectEveryProperty(of: wrapped, in: json, path: path)
        case .collection:
            guard let array = json as? [Any], array.count == mirror.children.count else {
                Issue.record("\(path) is not written as an array of its elements")
                return
            }
            #expect(!array.isEmpty, "\(path) is empty in the full definition: give it elements, so they are checked")
            for (index, element) in mirror.children.enumerated() {
                expectEveryProperty(of: element.value, in: array[index], path: "\(path)[\(index)]")
            }
        default:
            break
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
