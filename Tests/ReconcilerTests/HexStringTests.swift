import Testing
@testable import Spec

@Suite("Hex digests")
struct HexStringTests {
    @Test("bytes become two lower-case hex digits each, leading zeros kept")
    func lowerCaseHex() {
        #expect([UInt8]([0x00, 0x0f, 0xa5, 0xff, 0x10]).hexString == "000fa5ff10")
        #expect([UInt8]().hexString == "")
    }
}
