/// One snapshot of a domain, as libvirt lists it.
public struct ObservedSnapshot: Sendable, Hashable, Codable {
    public var name: String
    public var description: String?
    /// The domain's state when the snapshot was taken (`running`, `shutoff`, `disk-snapshot`…).
    public var state: String?
    /// Seconds since 1970, as libvirt records it.
    public var creationTime: Int?
    /// True when the domain's disks are snapshots outside their images (disk-only, external).
    public var external: Bool
    public var isCurrent: Bool

    public init(name: String, description: String? = nil, state: String? = nil, creationTime: Int? = nil,
                external: Bool = false, isCurrent: Bool = false) {
        self.name = name
        self.description = description
        self.state = state
        self.creationTime = creationTime
        self.external = external
        self.isCurrent = isCurrent
    }
}
