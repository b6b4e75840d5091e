/// A libvirt storage pool. Pools carry no metadata, so they are matched by name and path.
public struct ObservedPool: Sendable, Hashable, Codable {
    public var name: String
    public var uuid: String?
    public var type: String
    public var path: String?
    public var active: Bool
    public var autostart: Bool
    public var persistent: Bool

    public init(name: String, uuid: String? = nil, type: String, path: String?, active: Bool, autostart: Bool,
                persistent: Bool = true) {
        self.name = name
        self.uuid = uuid
        self.type = type
        self.path = path
        self.active = active
        self.autostart = autostart
        self.persistent = persistent
    }
}
