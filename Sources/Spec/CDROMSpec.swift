/// A read-only CD-ROM on a VM (`spec.cdrom`): an existing volume in a pool, or an ISO downloaded
/// into the image cache (verified like cloud images) and uploaded once into a pool.
public struct CDROMSpec: Sendable, Hashable, Codable {
    public enum Source: Sendable, Hashable, Codable {
        /// A volume that already exists in one of the hypervisor's pools; reconcile never creates or deletes it.
        case volume(String)
        /// An ISO fetched into the local cache and uploaded as `iso-sha256-HEX.iso`.
        case download(ImageSource)
    }

    public var source: Source
    /// The pool holding the volume, or receiving the download; "" until the resolver picks the only one.
    public var pool: String
    /// The manifest allows a plain-http download verified by an inline checksum.
    public var allowHTTP: Bool
    public var location: SourceLocation

    public init(source: Source, pool: String, allowHTTP: Bool = false, location: SourceLocation) {
        self.source = source
        self.pool = pool
        self.allowHTTP = allowHTTP
        self.location = location
    }
}
