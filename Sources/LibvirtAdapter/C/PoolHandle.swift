import CLibvirt
import Glibc

/// Owns a `virStoragePoolPtr`.
final class PoolHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        virStoragePoolFree(pointer)
    }

    var name: String { virStoragePoolGetName(pointer).map { String(cString: $0) } ?? "" }

    /// The persistent definition when `inactive`; drivers without that flag (the test driver) give the only one they have.
    func xml(inactive: Bool) throws(LibvirtError) -> String {
        if inactive, let text = virStoragePoolGetXMLDesc(pointer, UInt32(VIR_STORAGE_XML_INACTIVE.rawValue)) {
            defer { free(text) }
            return String(cString: text)
        }
        if inactive {
            let error = LibvirtError.last(function: "virStoragePoolGetXMLDesc")
            guard error.isUnsupportedFlag else { throw error }
        }
        return try Libvirt.takeString(virStoragePoolGetXMLDesc(pointer, 0), "virStoragePoolGetXMLDesc")
    }

    func isActive() throws(LibvirtError) -> Bool {
        try Libvirt.check(virStoragePoolIsActive(pointer), "virStoragePoolIsActive") == 1
    }

    func isPersistent() throws(LibvirtError) -> Bool {
        try Libvirt.check(virStoragePoolIsPersistent(pointer), "virStoragePoolIsPersistent") == 1
    }

    func autostart() throws(LibvirtError) -> Bool {
        var value: Int32 = 0
        try Libvirt.check(virStoragePoolGetAutostart(pointer, &value), "virStoragePoolGetAutostart")
        return value != 0
    }

    func setAutostart(_ enabled: Bool) throws(LibvirtError) {
        try Libvirt.check(virStoragePoolSetAutostart(pointer, enabled ? 1 : 0), "virStoragePoolSetAutostart")
    }

    func build() throws(LibvirtError) {
        try Libvirt.check(virStoragePoolBuild(pointer, 0), "virStoragePoolBuild")
    }

    func create() throws(LibvirtError) {
        try Libvirt.check(virStoragePoolCreate(pointer, 0), "virStoragePoolCreate")
    }

    func refresh() throws(LibvirtError) {
        try Libvirt.check(virStoragePoolRefresh(pointer, 0), "virStoragePoolRefresh")
    }

    func allVolumes() throws(LibvirtError) -> [VolumeHandle] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = try Libvirt.check(virStoragePoolListAllVolumes(pointer, &list, 0), "virStoragePoolListAllVolumes")
        return LibvirtConnection.adopt(list, count: count, VolumeHandle.init)
    }

    func volume(named name: String) throws(LibvirtError) -> VolumeHandle? {
        guard let volume = virStorageVolLookupByName(pointer, name) else {
            let error = LibvirtError.last(function: "virStorageVolLookupByName")
            if error.isNotFound { return nil }
            throw error
        }
        return VolumeHandle(volume)
    }

    func createVolume(xml: String) throws(LibvirtError) -> VolumeHandle {
        VolumeHandle(try Libvirt.check(virStorageVolCreateXML(pointer, xml, 0), "virStorageVolCreateXML"))
    }
}
