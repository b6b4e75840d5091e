import Spec

/// Everything the adapter needs to write a network's XML.
public struct NetworkDefinition: Sendable, Hashable, Codable {
    public var name: String
    /// Kept when redefining, so libvirt updates the network instead of refusing a second one.
    public var uuid: String?
    public var mode: NetworkMode
    public var bridge: String?
    public var interface: String?
    public var ipv4: IPv4Config?
    public var ownership: Ownership

    public init(name: String, uuid: String? = nil, mode: NetworkMode, bridge: String?, interface: String?,
                ipv4: IPv4Config?, ownership: Ownership) {
        self.name = name
        self.uuid = uuid
        self.mode = mode
        self.bridge = bridge
        self.interface = interface
        self.ipv4 = ipv4
        self.ownership = ownership
    }
}
