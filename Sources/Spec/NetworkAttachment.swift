/// A VM's NIC on a declared Network, optionally with a fixed MAC address.
public struct NetworkAttachment: Sendable, Hashable, Codable {
    public var network: String
    public var mac: String?
    public var location: SourceLocation

    public init(network: String, mac: String? = nil, location: SourceLocation) {
        self.network = network
        self.mac = mac
        self.location = location
    }
}
