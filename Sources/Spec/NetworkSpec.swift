/// A libvirt virtual network (`kind: Network`).
public struct NetworkSpec: Sendable, Hashable, Codable {
    public var metadata: ResourceMetadata
    public var hypervisor: String
    public var mode: NetworkMode
    public var bridge: String?
    public var interface: String?
    public var ipv4: IPv4Config?
    public var autostart: Bool
    public var active: Bool

    public var name: String { metadata.name }

    public init(
        metadata: ResourceMetadata, hypervisor: String, mode: NetworkMode = .nat, bridge: String? = nil,
        interface: String? = nil, ipv4: IPv4Config? = nil, autostart: Bool = true, active: Bool = true
    ) {
        self.metadata = metadata
        self.hypervisor = hypervisor
        self.mode = mode
        self.bridge = bridge
        self.interface = interface
        self.ipv4 = ipv4
        self.autostart = autostart
        self.active = active
    }
}
