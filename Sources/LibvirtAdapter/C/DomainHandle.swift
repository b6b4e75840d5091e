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

    func blockResize(disk: String, bytes: UInt64) throws(LibvirtError) {
        let flags = UInt32(VIR_DOMAIN_BLOCK_RESIZE_BYTES.rawValue)
        try Libvirt.check(virDomainBlockResize(pointer, disk, bytes, flags), "virDomainBlockResize")
    }
}
