import Foundation

/// Where the expected digest of an image comes from.
public enum ImageChecksum: Sendable, Hashable {
    /// A digest written in the spec.
    case digest(Digest)
    /// A published checksum file; the entry is looked up by `fileName`, or by the
    /// image URL's last path component when nil.
    case checksumURL(URL, fileName: String? = nil)
}
