/// The guest's network configuration.
///
/// Plain DHCP without a match renders no `network-config` at all: cloud-init then
/// falls back to DHCP on the first NIC, which works whatever the NIC is called.
public struct SeedNetwork: Sendable, Hashable {
    public enum Addressing: Sendable, Hashable {
        case dhcp
        case staticAddress(StaticAddress)
    }

    public var match: InterfaceMatch?
    public var addressing: Addressing

    public init(match: InterfaceMatch? = nil, addressing: Addressing = .dhcp) {
        self.match = match
        self.addressing = addressing
    }

    public static let dhcp = SeedNetwork()
}
