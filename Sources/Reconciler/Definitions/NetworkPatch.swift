import Spec

/// The edits an update makes to an existing network's persistent definition: the fields the manifest
/// declares and reconcile's own metadata element. libvirt has no metadata call for networks, so the
/// patched definition is defined again; DHCP hosts, DNS, IPv6 addresses and other tools' metadata stay.
public struct NetworkPatch: Sendable, Hashable, Codable {
    /// The IPv4 `<ip>` to set, or nil to remove it.
    public struct IPv4Edit: Sendable, Hashable, Codable {
        public var ipv4: IPv4Config?

        public init(_ ipv4: IPv4Config?) {
            self.ipv4 = ipv4
        }
    }

    public var name: String
    /// The network the plan was made for; the update is refused if another network took its name since.
    public var uuid: String?
    public var mode: NetworkMode?
    public var bridge: String?
    /// The host interface of a macvtap network.
    public var interface: String?
    public var ipv4: IPv4Edit?
    /// Written as reconcile's element inside `<metadata>`; other elements there are kept.
    public var ownership: Ownership

    public init(name: String, uuid: String?, ownership: Ownership) {
        self.name = name
        self.uuid = uuid
        self.ownership = ownership
    }
}
