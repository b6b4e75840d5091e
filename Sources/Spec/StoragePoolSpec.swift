/// A libvirt storage pool (`kind: StoragePool`); only directory pools for now.
public struct StoragePoolSpec: Sendable, Hashable, Codable {
    public var metadata: ResourceMetadata
    public var hypervisor: String
    public var type: PoolType
    public var path: String
    public var autostart: Bool
    public var active: Bool

    public var name: String { metadata.name }

    public init(
        metadata: ResourceMetadata, hypervisor: String, type: PoolType = .dir, path: String,
        autostart: Bool = true, active: Bool = true
    ) {
        self.metadata = metadata
        self.hypervisor = hypervisor
        self.type = type
        self.path = path
        self.autostart = autostart
        self.active = active
    }
}
