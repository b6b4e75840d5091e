import CLibvirt
import Glibc

/// Owns a `virDomainPtr`.
final class DomainHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        virDomainFree(pointer)
    }

    var name: String { virDomainGetName(pointer).map { String(cString: $0) } ?? "" }

    func uuid() throws(LibvirtError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(VIR_UUID_STRING_BUFLEN))
        try Libvirt.check(virDomainGetUUIDString(pointer, &buffer), "virDomainGetUUIDString")
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The persistent definition when `inactive`; drivers without that flag (the test driver) give the only one they have.
    func xml(inactive: Bool) throws(LibvirtError) -> String {
        if inactive, let text = virDomainGetXMLDesc(pointer, UInt32(VIR_DOMAIN_XML_INACTIVE.rawValue)) {
            defer { free(text) }
            return String(cString: text)
        }
        if inactive {
            let error = LibvirtError.last(function: "virDomainGetXMLDesc")
            guard error.isUnsupportedFlag else { throw error }
        }
        return try Libvirt.takeString(virDomainGetXMLDesc(pointer, 0), "virDomainGetXMLDesc")
    }

    func state() throws(LibvirtError) -> virDomainState {
        var state: Int32 = 0
        var reason: Int32 = 0
        try Libvirt.check(virDomainGetState(pointer, &state, &reason, 0), "virDomainGetState")
        return virDomainState(UInt32(state))
    }

    func autostart() throws(LibvirtError) -> Bool {
        var value: Int32 = 0
        try Libvirt.check(virDomainGetAutostart(pointer, &value), "virDomainGetAutostart")
        return value != 0
    }

    func setAutostart(_ enabled: Bool) throws(LibvirtError) {
        try Libvirt.check(virDomainSetAutostart(pointer, enabled ? 1 : 0), "virDomainSetAutostart")
    }

    func isPersistent() throws(LibvirtError) -> Bool {
        try Libvirt.check(virDomainIsPersistent(pointer), "virDomainIsPersistent") == 1
    }

    func isActive() throws(LibvirtError) -> Bool {
        try Libvirt.check(virDomainIsActive(pointer), "virDomainIsActive") == 1
    }

    func create() throws(LibvirtError) {
        try Libvirt.check(virDomainCreate(pointer), "virDomainCreate")
    }

    func shutdown() throws(LibvirtError) {
        try Libvirt.check(virDomainShutdown(pointer), "virDomainShutdown")
    }

    func destroy() throws(LibvirtError) {
        try Libvirt.check(virDomainDestroy(pointer), "virDomainDestroy")
    }

    /// Also drops managed-save images, snapshot metadata and NVRAM, which would otherwise block it.
    func undefine() throws(LibvirtError) {
        let flags = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE.rawValue | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA.rawValue
            | VIR_DOMAIN_UNDEFINE_NVRAM.rawValue
        if virDomainUndefineFlags(pointer, flags) == 0 { return }
        let error = LibvirtError.last(function: "virDomainUndefineFlags")
        guard error.code == Int32(VIR_ERR_NO_SUPPORT.rawValue) || error.code == Int32(VIR_ERR_INVALID_ARG.rawValue) else {
            throw error
        }
        try Libvirt.check(virDomainUndefine(pointer), "virDomainUndefine")
    }

    /// Addresses one source knows for the domain's NICs, as (MAC, address) pairs.
    func interfaceAddresses(source: virDomainInterfaceAddressesSource) throws(LibvirtError) -> [(mac: String, address: String)] {
        var list: UnsafeMutablePointer<virDomainInterfacePtr?>?
        let count = try Libvirt.check(virDomainInterfaceAddresses(pointer, &list, source.rawValue, 0), "virDomainInterfaceAddresses")
        guard let list else { return [] }
        defer {
            for index in 0..<Int(count) { virDomainInterfaceFree(list[index]) }
            free(list)
        }
        var result: [(String, String)] = []
        for index in 0..<Int(count) {
            guard let interface = list[index]?.pointee, let mac = interface.hwaddr.map({ String(cString: $0).lowercased() }) else { continue }
            for addressIndex in 0..<Int(interface.naddrs) {
                guard let address = interface.addrs?[addressIndex], address.type == Int32(VIR_IP_ADDR_TYPE_IPV4.rawValue),
                      let text = address.addr.map({ String(cString: $0) }) else { continue }
                result.append((mac, text))
            }
        }
        return result
    }

    func setMetadata(xml: String, key: String, uri: String, live: Bool) throws(LibvirtError) {
        let type = Int32(VIR_DOMAIN_METADATA_ELEMENT.rawValue)
        var flags = UInt32(VIR_DOMAIN_AFFECT_CONFIG.rawValue)
        if live { flags |= UInt32(VIR_DOMAIN_AFFECT_LIVE.rawValue) }
        try Libvirt.check(virDomainSetMetadata(pointer, type, xml, key, uri, flags), "virDomainSetMetadata")
    }

    func blockResize(disk: String, bytes: UInt64) throws(LibvirtError) {
        let flags = UInt32(VIR_DOMAIN_BLOCK_RESIZE_BYTES.rawValue)
        try Libvirt.check(virDomainBlockResize(pointer, disk, bytes, flags), "virDomainBlockResize")
    }
}

extension DomainHandle {
    /// `VIR_DOMAIN_AFFECT_CONFIG`, with `VIR_DOMAIN_AFFECT_LIVE` when the running guest changes too.
    private static func affecting(live: Bool) -> UInt32 {
        UInt32(VIR_DOMAIN_AFFECT_CONFIG.rawValue) | (live ? UInt32(VIR_DOMAIN_AFFECT_LIVE.rawValue) : 0)
    }

    /// The balloon target (within the maximum memory).
    func setMemory(kib: UInt64, live: Bool) throws(LibvirtError) {
        if virDomainSetMemoryFlags(pointer, UInt(kib), Self.affecting(live: live)) == 0 { return }
        let error = LibvirtError.last(function: "virDomainSetMemoryFlags")
        // Some drivers (the test driver) take the running guest and the definition one call at a time.
        guard live, error.code == Int32(VIR_ERR_INVALID_ARG.rawValue) else { throw error }
        try Libvirt.check(virDomainSetMemoryFlags(pointer, UInt(kib), UInt32(VIR_DOMAIN_AFFECT_LIVE.rawValue)), "virDomainSetMemoryFlags")
        try Libvirt.check(virDomainSetMemoryFlags(pointer, UInt(kib), UInt32(VIR_DOMAIN_AFFECT_CONFIG.rawValue)), "virDomainSetMemoryFlags")
    }

    /// vCPUs online (within the maximum).
    func setVcpus(_ count: Int, live: Bool) throws(LibvirtError) {
        try Libvirt.check(virDomainSetVcpusFlags(pointer, UInt32(count), Self.affecting(live: live)), "virDomainSetVcpusFlags")
    }

    func attachDevice(xml: String, live: Bool) throws(LibvirtError) {
        try Libvirt.check(virDomainAttachDeviceFlags(pointer, xml, Self.affecting(live: live)), "virDomainAttachDeviceFlags")
    }

    /// Changes a device in place: a CD-ROM's medium.
    func updateDevice(xml: String, live: Bool) throws(LibvirtError) {
        try Libvirt.check(virDomainUpdateDeviceFlags(pointer, xml, Self.affecting(live: live)), "virDomainUpdateDeviceFlags")
    }

    /// From the running guest alone (`live`) or the persistent definition alone: the two are separate
    /// calls so a guest that never releases the device leaves the definition holding it.
    func detachDevice(xml: String, live: Bool) throws(LibvirtError) {
        let flags = live ? VIR_DOMAIN_AFFECT_LIVE.rawValue : VIR_DOMAIN_AFFECT_CONFIG.rawValue
        try Libvirt.check(virDomainDetachDeviceFlags(pointer, xml, UInt32(flags)), "virDomainDetachDeviceFlags")
    }
}

extension DomainHandle {
    /// What `virDomainGetInfo` reports for the running guest: its memory now (the balloon), its
    /// maximum, and vCPUs online.
    func info() throws(LibvirtError) -> (memoryKiB: UInt64, maxMemoryKiB: UInt64, vcpus: Int) {
        var info = virDomainInfo()
        try Libvirt.check(virDomainGetInfo(pointer, &info), "virDomainGetInfo")
        return (UInt64(info.memory), UInt64(info.maxMem), Int(info.nrVirtCpu))
    }

    /// The running guest's id; a restart gives it a new one.
    var runningID: UInt32 { virDomainGetID(pointer) }
}
