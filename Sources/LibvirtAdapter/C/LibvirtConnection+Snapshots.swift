import CLibvirt
import Glibc

extension LibvirtConnection {
    /// Names of the domains that have snapshots, in one call, so observing a host with many guests
    /// lists snapshots only where there are some.
    func namesOfDomainsWithSnapshots() throws(LibvirtError) -> Set<String> {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let flags = UInt32(VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT.rawValue)
        let count = try Libvirt.check(virConnectListAllDomains(pointer, &list, flags), "virConnectListAllDomains")
        return Set(Self.adopt(list, count: count, DomainHandle.init).map(\.name))
    }
}
