import Testing
@testable import Spec

@Suite("Sizes")
struct ByteSizeTests {
    @Test("binary units, with or without the i, in any case", arguments: [
        ("2GiB", UInt64(2) << 30), ("512MiB", UInt64(512) << 20), ("2G", UInt64(2) << 30), ("1.5G", UInt64(3) << 29),
        ("10240B", 10240), ("1TiB", UInt64(1) << 40), ("64 KiB", 65536), ("2gib", UInt64(2) << 30),
    ])
    func parses(text: String, bytes: UInt64) throws {
        #expect(try ByteSize(parsing: text).bytes == bytes)
    }

    /// Plain sizes (digits and an exact binary unit) take a short path; its edges read as before.
    @Test("the short path for plain sizes reads as the general one", arguments: [
        ("64MiB", UInt64(64) << 20), ("1B", 1), ("007MiB", UInt64(7) << 20), (" 64MiB", UInt64(64) << 20),
        ("64MiB ", UInt64(64) << 20), ("8388607TiB", UInt64(8_388_607) << 40), ("999999999999B", 999_999_999_999),
        ("3Mib", UInt64(3) << 20), ("10K", 10240),
    ])
    func plainSizes(text: String, bytes: UInt64) throws {
        #expect(try ByteSize(parsing: text).bytes == bytes)
    }

    @Test("sizes past the limit are refused on both paths", arguments: ["8388608TiB", "99999999999999TiB", "0MiB", "00MiB"])
    func plainSizeLimits(text: String) {
        #expect(throws: ByteSize.ParseError.self) { try ByteSize(parsing: text) }
    }

    @Test("rejects units, zero and negative sizes", arguments: ["2X", "0", "-1G", "", "GiB", "0.0001B"])
    func rejects(text: String) {
        #expect(throws: ByteSize.ParseError.self) { try ByteSize(parsing: text) }
    }

    @Test("a bare number is refused, not read as bytes")
    func bareNumber() {
        #expect(throws: ByteSize.ParseError.missingUnit("2048")) { try ByteSize(parsing: "2048") }
        #expect(ByteSize.ParseError.missingUnit("2048").description == "'2048' has no unit: write 2048MiB, 2048GiB, or 2048B if you mean bytes")
    }

    @Test("decimal units are refused with the binary unit to write instead", arguments: ["2GB", "2gb", "1TB", "500MB", "64KB"])
    func decimalUnits(text: String) {
        #expect(throws: ByteSize.ParseError.self) { try ByteSize(parsing: text) }
    }

    @Test("the decimal-unit message says GB vs GiB")
    func decimalMessage() throws {
        let error = try #require(#expect(throws: ByteSize.ParseError.self) { try ByteSize(parsing: "2GB") })
        #expect(error.description == "2GB is 2 × 10^9 bytes (decimal); write 2GiB for 2 × 2^30 bytes, or 2000000000B for exactly 2 × 10^9")
    }

    @Test("prints the largest exact binary unit")
    func describes() {
        #expect(ByteSize(bytes: 2 << 30).description == "2GiB")
        #expect(ByteSize(bytes: 1536 << 20).description == "1536MiB")
        #expect(ByteSize(bytes: 1000).description == "1000B")
    }
}
