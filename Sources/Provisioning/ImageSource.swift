import Foundation

/// A cloud image to fetch: its URL and how to know it is the right one.
public struct ImageSource: Sendable, Hashable {
    public enum Compression: String, Sendable, Hashable {
        case none
        /// The published checksum covers the `.xz`; the cache stores it decompressed.
        case xz
    }

    public var url: URL
    public var checksum: ImageChecksum
    public var compression: Compression

    /// `compression` defaults to `.xz` when the URL ends in `.xz`.
    public init(url: URL, checksum: ImageChecksum, compression: Compression? = nil) {
        self.url = url
        self.checksum = checksum
        self.compression = compression ?? (url.pathExtension.lowercased() == "xz" ? .xz : .none)
    }

    /// The name a checksum file lists this image under.
    public var fileName: String { url.lastPathComponent }
}
