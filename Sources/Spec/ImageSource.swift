/// A downloadable file and the checksum that proves its content: inline, or in an official checksum file.
public struct ImageSource: Sendable, Hashable, Codable {
    public enum Checksum: Sendable, Hashable, Codable {
        /// `sha256:HEX` or `sha512:HEX`.
        case inline(algorithm: String, hex: String)
        /// A SHA256SUMS / SHA512SUMS / CHECKSUM / `.sha256` file holding the image's entry.
        case file(url: String)
    }

    public var url: String
    public var checksum: Checksum

    public init(url: String, checksum: Checksum) {
        self.url = url
        self.checksum = checksum
    }
}
