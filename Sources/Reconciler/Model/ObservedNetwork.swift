import Spec

/// A libvirt network as its persistent (inactive) definition describes it.
public struct ObservedNetwork: Sendable, Hashable, Codable {
    public var name: String
    public var uuid: String?
    /// nil when the XML describes something reconcile does not model (e.g. `route` or `open`).
    public var mode: NetworkMode?
    public var forwardModeText: String?
    public var bridge: String?
    public var interface: String?
    public var ipv4: IPv4Config?
    public var active: Bool
    public var autostart: Bool
    public var persistent: Bool
    public var ownership: Ownership?

    public init(name: String, uuid: String? = nil, mode: NetworkMode?, forwardModeText: String? = nil,
                bridge: String? = nil, interface: String? = nil, ipv4: IPv4Config? = nil, active: Bool,
                autostart: Bool, persistent: Bool = true, ownership: Ownership? = nil) {
        self.name = name
        self.uuid = uuid
        self.mode = mode
        self.forwardModeText = forwardModeText
        self.bridge = bridge
        self.interface = interface
        self.ipv4 = ipv4
        self.active = active
        self.autostart = autostart
        self.persistent = persistent
        self.ownership = ownership
    }
}
