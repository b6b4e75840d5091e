import CLibvirt

/// Owns a `virStorageVolPtr`.
final class VolumeHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        virStorageVolFree(pointer)
    }

    var name: String { virStorageVolGetName(pointer).map { String(cString: $0) } ?? "" }

    func path() throws(LibvirtError) -> String {
        try Libvirt.takeString(virStorageVolGetPath(pointer), "virStorageVolGetPath")
    }

    func capacity() throws(LibvirtError) -> UInt64 {
        var info = virStorageVolInfo()
        try Libvirt.check(virStorageVolGetInfo(pointer, &info), "virStorageVolGetInfo")
        return info.capacity
    }

    func xml() throws(LibvirtError) -> String {
        try Libvirt.takeString(virStorageVolGetXMLDesc(pointer, 0), "virStorageVolGetXMLDesc")
    }

    func resize(to capacity: UInt64) throws(LibvirtError) {
        try Libvirt.check(virStorageVolResize(pointer, capacity, 0), "virStorageVolResize")
    }

    func delete() throws(LibvirtError) {
        try Libvirt.check(virStorageVolDelete(pointer, 0), "virStorageVolDelete")
    }
}
