import CLibvirt

/// Calls that answer for every domain at once: one round trip instead of one per domain.
extension LibvirtConnection {
    /// The run state of every active domain, or nil when the driver has no bulk statistics. Inactive
    /// domains are all shut off, and on a host of many stopped guests asking for theirs too cost the
    /// daemon and this process more than every other listing call together.
    func activeDomainStates() throws(LibvirtError) -> [String: virDomainState]? {
        var records: UnsafeMutablePointer<virDomainStatsRecordPtr?>?
        let count = virConnectGetAllDomainStats(pointer, VIR_DOMAIN_STATS_STATE.rawValue, &records,
                                                VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE.rawValue)
        guard count >= 0 else {
            let error = LibvirtError.last(function: "virConnectGetAllDomainStats")
            if error.isUnsupportedFlag { return nil }
            throw error
        }
        guard let records else { return [:] }
        return DomainStatsList(records, count: count).states()
    }

    /// The names of the domains `virConnectListAllDomains` selects with these filter flags.
    func domainNames(matching flags: virConnectListAllDomainsFlags) throws(LibvirtError) -> Set<String> {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = try Libvirt.check(virConnectListAllDomains(pointer, &list, flags.rawValue), "virConnectListAllDomains")
        return Set(Self.adopt(list, count: count, DomainHandle.init).map(\.name))
    }
}
