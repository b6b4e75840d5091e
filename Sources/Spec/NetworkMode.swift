public enum NetworkMode: String, Sendable, Codable, CaseIterable {
    case nat
    case isolated
    case bridge
    case macvtap

    /// Modes where libvirt runs the bridge, DHCP and addressing itself.
    public var libvirtManagesAddressing: Bool { self == .nat || self == .isolated }
}
