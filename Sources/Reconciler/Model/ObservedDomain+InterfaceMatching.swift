extension ObservedDomain {
    /// For each declared NIC, the index of the domain's NIC that is it, or nil when the domain lacks it:
    /// by MAC when the manifest (or an earlier run) gives one, otherwise the first unclaimed NIC on the
    /// same network. Each of the domain's NICs is claimed at most once.
    func interfaceMatches(for declared: [DomainDefinition.Interface]) -> [Int?] {
        var claimed: Set<Int> = []
        return declared.map { want in
            let match = interfaces.indices.first { candidate in
                guard !claimed.contains(candidate) else { return false }
                let have = interfaces[candidate]
                if let mac = want.mac { return have.mac?.lowercased() == mac.lowercased() }
                return have.type == "network" && have.source == want.network
            }
            if let match { claimed.insert(match) }
            return match
        }
    }
}
