extension GuestAddress {
    /// The addresses to try first, first: the newest lease (libvirt keeps the leases of earlier guests
    /// with the same MAC), then the guest agent's, then ARP's; each address once.
    public static func preferred(_ addresses: [GuestAddress]) -> [GuestAddress] {
        let rank: [GuestAddress.Source: Int] = [.lease: 0, .agent: 1, .arp: 2]
        var seen: Set<String> = []
        return addresses
            .sorted { ($0.expiry ?? 0, -(rank[$0.source] ?? 3)) > ($1.expiry ?? 0, -(rank[$1.source] ?? 3)) }
            .filter { seen.insert($0.address).inserted }
    }
}
