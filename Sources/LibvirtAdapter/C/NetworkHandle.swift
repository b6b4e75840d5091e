import CLibvirt
import Glibc

/// Owns a `virNetworkPtr`.
final class NetworkHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        virNetworkFree(pointer)
    }

    var name: String { virNetworkGetName(pointer).map { String(cString: $0) } ?? "" }

    /// The persistent definition when `inactive`; drivers without that flag (the test driver) give the only one they have.
    func xml(inactive: Bool) throws(LibvirtError) -> String {
        if inactive, let text = virNetworkGetXMLDesc(pointer, UInt32(VIR_NETWORK_XML_INACTIVE.rawValue)) {
            defer { free(text) }
            return String(cString: text)
        }
        if inactive {
            let error = LibvirtError.last(function: "virNetworkGetXMLDesc")
            guard error.isUnsupportedFlag else { throw error }
        }
        return try Libvirt.takeString(virNetworkGetXMLDesc(pointer, 0), "virNetworkGetXMLDesc")
    }

    func isActive() throws(LibvirtError) -> Bool {
        try Libvirt.check(virNetworkIsActive(pointer), "virNetworkIsActive") == 1
    }

    func isPersistent() throws(LibvirtError) -> Bool {
        try Libvirt.check(virNetworkIsPersistent(pointer), "virNetworkIsPersistent") == 1
    }

    func autostart() throws(LibvirtError) -> Bool {
        var value: Int32 = 0
        try Libvirt.check(virNetworkGetAutostart(pointer, &value), "virNetworkGetAutostart")
        return value != 0
    }

    func setAutostart(_ enabled: Bool) throws(LibvirtError) {
        try Libvirt.check(virNetworkSetAutostart(pointer, enabled ? 1 : 0), "virNetworkSetAutostart")
    }

    /// DHCP leases with their expiry, newest information libvirt has for each MAC.
    func dhcpLeases() throws(LibvirtError) -> [(mac: String, address: String, expiry: Int64)] {
        var list: UnsafeMutablePointer<virNetworkDHCPLeasePtr?>?
        let count = try Libvirt.check(virNetworkGetDHCPLeases(pointer, nil, &list, 0), "virNetworkGetDHCPLeases")
        guard let list else { return [] }
        defer {
            for index in 0..<Int(count) { virNetworkDHCPLeaseFree(list[index]) }
            free(list)
        }
        return (0..<Int(count)).compactMap { index in
            guard let lease = list[index]?.pointee, let mac = lease.mac, let address = lease.ipaddr else { return nil }
            return (String(cString: mac).lowercased(), String(cString: address), lease.expirytime)
        }
    }

    func create() throws(LibvirtError) {
        try Libvirt.check(virNetworkCreate(pointer), "virNetworkCreate")
    }

    func destroy() throws(LibvirtError) {
        try Libvirt.check(virNetworkDestroy(pointer), "virNetworkDestroy")
    }

    func undefine() throws(LibvirtError) {
        try Libvirt.check(virNetworkUndefine(pointer), "virNetworkUndefine")
    }
}
