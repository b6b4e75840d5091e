import Crypto
import Foundation

extension Digest {
    /// The digest of in-memory bytes.
    public static func of(_ data: some DataProtocol, algorithm: HashAlgorithm) -> Digest {
        var hasher = StreamingHasher(algorithm: algorithm)
        hasher.update(data)
        return hasher.finalize()
    }

    /// The digest of a file, read in chunks so large images do not load into memory.
    public static func of(fileAt url: URL, algorithm: HashAlgorithm) throws -> Digest {
        var hasher = StreamingHasher(algorithm: algorithm)
        try hasher.update(fileAt: url)
        return hasher.finalize()
    }
}
