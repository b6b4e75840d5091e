import CLibvirt
import Glibc

/// Owns a `virConnectPtr`. libvirt connections are thread-safe, hence `@unchecked Sendable`.
final class LibvirtConnection: @unchecked Sendable {
    let pointer: OpaquePointer
    let uri: String

    init(uri: String) throws(LibvirtError) {
        try Libvirt.prepare()
        pointer = try Libvirt.check(virConnectOpen(uri), "virConnectOpen")
        self.uri = uri
    }

    deinit {
        virConnectClose(pointer)
    }

    func capabilitiesXML() throws(LibvirtError) -> String {
        try Libvirt.takeString(virConnectGetCapabilities(pointer), "virConnectGetCapabilities")
    }

    // MARK: lookups (nil when the object does not exist)

    func domain(named name: String) throws(LibvirtError) -> DomainHandle? {
        guard let pointer = virDomainLookupByName(pointer, name) else {
            let error = LibvirtError.last(function: "virDomainLookupByName")
            if error.isNotFound { return nil }
            throw error
        }
        return DomainHandle(pointer)
    }

    func network(named name: String) throws(LibvirtError) -> NetworkHandle? {
        guard let pointer = virNetworkLookupByName(pointer, name) else {
            let error = LibvirtError.last(function: "virNetworkLookupByName")
            if error.isNotFound { return nil }
            throw error
        }
        return NetworkHandle(pointer)
    }

    func pool(named name: String) throws(LibvirtError) -> PoolHandle? {
        guard let pointer = virStoragePoolLookupByName(pointer, name) else {
            let error = LibvirtError.last(function: "virStoragePoolLookupByName")
            if error.isNotFound { return nil }
            throw error
        }
        return PoolHandle(pointer)
    }

    // MARK: listings

    func allDomains() throws(LibvirtError) -> [DomainHandle] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = try Libvirt.check(virConnectListAllDomains(pointer, &list, 0), "virConnectListAllDomains")
        return Self.adopt(list, count: count, DomainHandle.init)
    }

    func allNetworks() throws(LibvirtError) -> [NetworkHandle] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = try Libvirt.check(virConnectListAllNetworks(pointer, &list, 0), "virConnectListAllNetworks")
        return Self.adopt(list, count: count, NetworkHandle.init)
    }

    func allPools() throws(LibvirtError) -> [PoolHandle] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = try Libvirt.check(virConnectListAllStoragePools(pointer, &list, 0), "virConnectListAllStoragePools")
        return Self.adopt(list, count: count, PoolHandle.init)
    }

    /// Wraps each returned object in its owning class, then frees the array libvirt allocated.
    static func adopt<Handle>(_ list: UnsafeMutablePointer<OpaquePointer?>?, count: Int32,
                              _ wrap: (OpaquePointer) -> Handle) -> [Handle] {
        guard let list else { return [] }
        defer { free(list) }
        return (0..<Int(count)).compactMap { list[$0].map(wrap) }
    }

    // MARK: definitions

    func defineDomain(xml: String) throws(LibvirtError) -> DomainHandle {
        DomainHandle(try Libvirt.check(virDomainDefineXML(pointer, xml), "virDomainDefineXML"))
    }

    func defineNetwork(xml: String) throws(LibvirtError) -> NetworkHandle {
        NetworkHandle(try Libvirt.check(virNetworkDefineXML(pointer, xml), "virNetworkDefineXML"))
    }

    func definePool(xml: String) throws(LibvirtError) -> PoolHandle {
        PoolHandle(try Libvirt.check(virStoragePoolDefineXML(pointer, xml, 0), "virStoragePoolDefineXML"))
    }
}
