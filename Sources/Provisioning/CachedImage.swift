import Foundation

/// An image in the cache, ready to be used as a backing file.
public struct CachedImage: Sendable, Hashable {
    /// The verified, decompressed image.
    public let path: URL
    /// The published digest the image was verified against (of the `.xz` for compressed sources).
    public let digest: Digest
    /// False when the cache already held it and nothing was downloaded.
    public let downloaded: Bool

    public init(path: URL, digest: Digest, downloaded: Bool) {
        self.path = path
        self.digest = digest
        self.downloaded = downloaded
    }
}
