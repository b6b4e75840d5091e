/// A fixed address for the guest NIC.
public struct StaticAddress: Sendable, Hashable {
    public var address: String
    public var prefixLength: Int
    public var gateway: String?
    public var dnsServers: [String]
    public var searchDomains: [String]

    public init(address: String, prefixLength: Int, gateway: String? = nil, dnsServers: [String] = [], searchDomains: [String] = []) {
        self.address = address
        self.prefixLength = prefixLength
        self.gateway = gateway
        self.dnsServers = dnsServers
        self.searchDomains = searchDomains
    }
}
