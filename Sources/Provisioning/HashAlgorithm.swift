/// Hash algorithms that cloud image publishers use for their checksum files.
public enum HashAlgorithm: String, Sendable, Hashable, CaseIterable, Codable {
    case sha256
    case sha512

    /// Length of the hex encoding, which is how a bare hash reveals its algorithm.
    public var hexLength: Int {
        switch self {
        case .sha256: 64
        case .sha512: 128
        }
    }

    public init?(hexLength: Int) {
        guard let match = Self.allCases.first(where: { $0.hexLength == hexLength }) else { return nil }
        self = match
    }

    /// Accepts the tags of BSD-style checksum lines (`SHA256`, `SHA512`) in any case.
    public init?(tag: String) {
        switch tag.lowercased() {
        case "sha256", "sha-256": self = .sha256
        case "sha512", "sha-512": self = .sha512
        default: return nil
        }
    }
}
