import Localization

/// A parsed checksum file in any of the formats cloud image publishers use:
/// GNU (`HEX  name`, `HEX *name`), BSD (`SHA256 (name) = HEX`), a lone hash
/// (`.sha256`/`.sha512` files), Fedora/Rocky/Alma `CHECKSUM` files (PGP clear-signed,
/// with `#` comments), Ubuntu `SHA256SUMS`, Debian `SHA512SUMS`.
public struct ChecksumFile: Sendable, Hashable {
    public let entries: [ChecksumEntry]
    /// Set when the file held nothing but a hash, which then applies to any file name.
    public let loneDigest: Digest?

    public init(entries: [ChecksumEntry], loneDigest: Digest? = nil) {
        self.entries = entries
        self.loneDigest = loneDigest
    }

    /// Finds the digest for `fileName` (the image URL's last path component).
    ///
    /// An exact name match wins over a base-name match. When the file lists the same
    /// name with several algorithms, the strongest one is used.
    public func digest(for fileName: String) throws -> Digest {
        let exact = entries.filter { $0.fileName == fileName || $0.fileName == "./" + fileName }
        let candidates = exact.isEmpty ? entries.filter { $0.baseName == fileName } : exact
        if let best = candidates.max(by: { $0.digest.algorithm.hexLength < $1.digest.algorithm.hexLength }) {
            let conflicting = candidates.contains {
                $0.digest.algorithm == best.digest.algorithm && $0.digest != best.digest
            }
            guard !conflicting else {
                throw ProvisioningError(.invalidArgument, LocalizedMessage("provisioning.checksumConflict", [
                    "file": fileName, "algorithm": best.digest.algorithm.rawValue,
                ]))
            }
            return best.digest
        }
        if let loneDigest, entries.isEmpty {
            return loneDigest
        }
        let listed = entries.prefix(8).map(\.fileName).joined(separator: ", ")
        throw ProvisioningError(.notFound, LocalizedMessage("provisioning.checksumMissing", [
            "file": fileName, "count": String(entries.count), "listed": listed,
        ]))
    }
}
