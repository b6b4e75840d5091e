import Crypto
import Foundation

/// Incremental SHA-256/SHA-512 so downloads are hashed while they are written.
public struct StreamingHasher {
    private enum State {
        case sha256(SHA256)
        case sha512(SHA512)
    }

    public let algorithm: HashAlgorithm
    private var state: State

    public init(algorithm: HashAlgorithm) {
        self.algorithm = algorithm
        switch algorithm {
        case .sha256: state = .sha256(SHA256())
        case .sha512: state = .sha512(SHA512())
        }
    }

    public mutating func update(_ data: some DataProtocol) {
        switch state {
        case .sha256(var hasher):
            hasher.update(data: data)
            state = .sha256(hasher)
        case .sha512(var hasher):
            hasher.update(data: data)
            state = .sha512(hasher)
        }
    }

    /// Feeds an existing file, e.g. the part of a download already on disk before resuming.
    public mutating func update(fileAt url: URL, chunkSize: Int = 1 << 20) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            update(chunk)
        }
    }

    public func finalize() -> Digest {
        let hex: String
        switch state {
        case .sha256(let hasher): hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        case .sha512(let hasher): hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        }
        return Digest(unchecked: algorithm, hex: hex)
    }
}
