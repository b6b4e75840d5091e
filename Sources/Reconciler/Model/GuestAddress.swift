/// One address a source reported for a guest NIC.
public struct GuestAddress: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Codable, CaseIterable {
        case lease
        case agent
        case arp
    }

    public var mac: String
    public var address: String
    public var source: Source
    /// Lease expiry (seconds since 1970), to prefer the newest of several leases for one MAC.
    public var expiry: Int64?

    public init(mac: String, address: String, source: Source, expiry: Int64? = nil) {
        self.mac = mac
        self.address = address
        self.source = source
        self.expiry = expiry
    }
}

/// What each address source said, kept for the error message when no address turns up.
public struct GuestAddressReport: Sendable, Hashable {
    public var addresses: [GuestAddress]
    public var sourceNotes: [GuestAddress.Source: String]

    public init(addresses: [GuestAddress], sourceNotes: [GuestAddress.Source: String]) {
        self.addresses = addresses
        self.sourceNotes = sourceNotes
    }

    /// Every source in the order tried, with what it said (`lease: nothing; agent: …`), for the error
    /// that no address turned up.
    public var sourcesTried: String {
        GuestAddress.Source.allCases.map { "\($0.rawValue): \(sourceNotes[$0] ?? "nothing")" }.joined(separator: "; ")
    }
}
