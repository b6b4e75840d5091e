import Foundation
import Testing
@testable import Provisioning

@Suite("Digest")
struct DigestTests {
    let sha256Hex = String(repeating: "ab", count: 32)
    let sha512Hex = String(repeating: "0f", count: 64)

    @Test("parses and formats sha256:HEX and sha512:HEX")
    func roundTrip() throws {
        let a = try Digest(parsing: "sha256:" + sha256Hex.uppercased())
        #expect(a.algorithm == .sha256)
        #expect(a.hex == sha256Hex)
        #expect(a.description == "sha256:" + sha256Hex)
        let b = try Digest(parsing: "SHA512:" + sha512Hex)
        #expect(b.algorithm == .sha512)
        #expect(Digest(b.description) == b)
    }

    @Test("rejects wrong length, non-hex and unknown algorithms")
    func rejects() {
        #expect(throws: ProvisioningError.self) { try Digest(parsing: "sha256:" + sha512Hex) }
        #expect(throws: ProvisioningError.self) { try Digest(parsing: "sha256:" + String(repeating: "zz", count: 32)) }
        #expect(throws: ProvisioningError.self) { try Digest(parsing: "md5:d41d8cd98f00b204e9800998ecf8427e") }
        #expect(throws: ProvisioningError.self) { try Digest(parsing: sha256Hex) }
        #expect(Digest("nonsense") == nil)
    }

    @Test("infers the algorithm from a bare hash's length")
    func infers() throws {
        #expect(try Digest(hex: sha256Hex).algorithm == .sha256)
        #expect(try Digest(hex: sha512Hex).algorithm == .sha512)
        #expect(throws: ProvisioningError.self) { try Digest(hex: "abcd") }
    }

    @Test("hashes data like the standard tools (known vectors for \"abc\")")
    func knownVectors() {
        let abc = Data("abc".utf8)
        #expect(Digest.of(abc, algorithm: .sha256).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.of(abc, algorithm: .sha512).hex.hasPrefix("ddaf35a193617abacc417349ae204131"))
    }

    @Test("encodes as its string form in JSON")
    func codable() throws {
        let digest = try Digest(parsing: "sha256:" + sha256Hex)
        let json = try JSONEncoder().encode([digest])
        #expect(String(decoding: json, as: UTF8.self) == "[\"sha256:\(sha256Hex)\"]")
        #expect(try JSONDecoder().decode([Digest].self, from: json) == [digest])
    }
}
