/// The host side of a NAT or isolated network: the bridge's address, its prefix and the DHCP range.
public struct IPv4Config: Sendable, Hashable, Codable {
    public struct DHCPRange: Sendable, Hashable, Codable {
        public var start: String
        public var end: String

        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    public var address: String
    public var prefix: Int
    public var dhcp: DHCPRange?

    public init(address: String, prefix: Int, dhcp: DHCPRange? = nil) {
        self.address = address
        self.prefix = prefix
        self.dhcp = dhcp
    }
}
