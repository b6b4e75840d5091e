import Testing
@testable import Spec

@Suite("Sizes")
struct ByteSizeTests {
    @Test("binary, decimal and bare units", arguments: [
        ("2GiB", UInt64(2) << 30), ("512MiB", UInt64(512) << 20), ("2G", UInt64(2) << 30), ("1.5G", UInt64(3) << 29),
        ("10240", 10240), ("1TB", 1_000_000_000_000), ("64 KiB", 65536), ("2gib", UInt64(2) << 30),
    ])
    func parses(text: String, bytes: UInt64) throws {
        #expect(try ByteSize(parsing: text).bytes == bytes)
    }

    @Test("rejects units, zero and negative sizes", arguments: ["2X", "0", "-1G", "", "GiB", "0.0001B"])
    func rejects(text: String) {
        #expect(throws: ByteSize.ParseError.self) { try ByteSize(parsing: text) }
    }

    @Test("prints the largest exact binary unit")
    func describes() {
        #expect(ByteSize(bytes: 2 << 30).description == "2GiB")
        #expect(ByteSize(bytes: 1536 << 20).description == "1536MiB")
        #expect(ByteSize(bytes: 1000).description == "1000B")
    }
}
