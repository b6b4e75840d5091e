import Testing
@testable import Spec

/// The name rules, checked byte by byte: ASCII letters, digits and each rule's punctuation, nothing
/// else (no non-ASCII letter or digit, no line break), within each rule's length.
@Suite("Name rules")
struct NamingTests {
    static let foreign = ["é", "٣", "名", "a\r\nb", "a b", "a\u{0}", "a/b", "a:b", "ａ"]

    @Test("host labels (VM names)")
    func hostLabels() {
        for name in ["a", "web-1", "A9", String(repeating: "x", count: 63)] { #expect(Naming.isValidHostLabel(name), "\(name)") }
        for name in ["", "-a", "a-", "a_b", "a.b", String(repeating: "x", count: 64)] + Self.foreign.map({ "x\($0)" }) {
            #expect(!Naming.isValidHostLabel(name), "\(name.debugDescription)")
        }
    }

    @Test("object names (networks, pools, distributions)")
    func objectNames() {
        for name in ["net", "9pool", "a-b_c.d", String(repeating: "x", count: 64)] { #expect(Naming.isValidObjectName(name), "\(name)") }
        for name in ["", "-a", "_a", ".a", "a+b", String(repeating: "x", count: 65)] + Self.foreign.map({ "x\($0)" }) {
            #expect(!Naming.isValidObjectName(name), "\(name.debugDescription)")
        }
    }

    @Test("volume names")
    func volumeNames() {
        for name in ["root.qcow2", "a+b_c-d", "_x", "9", String(repeating: "x", count: 255)] { #expect(Naming.isValidVolumeName(name), "\(name)") }
        for name in ["", ".hidden", "-x", "a/b", "..", String(repeating: "x", count: 256)] + Self.foreign.map({ "x\($0)" }) {
            #expect(!Naming.isValidVolumeName(name), "\(name.debugDescription)")
        }
    }

    @Test("disk names")
    func diskNames() {
        for name in ["data", "-a_b-", "_", String(repeating: "x", count: 32)] { #expect(Naming.isValidDiskName(name), "\(name)") }
        for name in ["", "a.b", "a+b", String(repeating: "x", count: 33)] + Self.foreign.map({ "x\($0)" }) {
            #expect(!Naming.isValidDiskName(name), "\(name.debugDescription)")
        }
    }

    @Test("interface names")
    func interfaceNames() {
        for name in ["br0", "virbr_1.2", "a-", String(repeating: "x", count: 15)] { #expect(Naming.isValidInterfaceName(name), "\(name)") }
        for name in ["", ".", "..", "-br", "a+b", String(repeating: "x", count: 16)] + Self.foreign.map({ "x\($0)" }) {
            #expect(!Naming.isValidInterfaceName(name), "\(name.debugDescription)")
        }
    }
}
