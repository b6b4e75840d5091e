import CLibvirt
import Foundation

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

    /// Bytes the file takes on the host (for a qcow2, less than its virtual capacity).
    func physicalSize() throws(LibvirtError) -> UInt64 {
        var info = virStorageVolInfo()
        let flags = UInt32(VIR_STORAGE_VOL_GET_PHYSICAL.rawValue)
        if virStorageVolGetInfoFlags(pointer, &info, flags) == 0 { return info.allocation }
        let error = LibvirtError.last(function: "virStorageVolGetInfoFlags")
        guard error.isUnsupportedFlag else { throw error }
        try Libvirt.check(virStorageVolGetInfo(pointer, &info), "virStorageVolGetInfo")
        return info.allocation
    }

    func upload(from file: URL, length: UInt64, connection: LibvirtConnection, progress: (UInt64) -> Void) throws {
        let stream = try StreamHandle(connection: connection)
        try Libvirt.check(virStorageVolUpload(pointer, stream.pointer, 0, length, 0), "virStorageVolUpload")
        try stream.send(file: file, progress: progress)
    }

    func resize(to capacity: UInt64) throws(LibvirtError) {
        try Libvirt.check(virStorageVolResize(pointer, capacity, 0), "virStorageVolResize")
    }

    func delete() throws(LibvirtError) {
        try Libvirt.check(virStorageVolDelete(pointer, 0), "virStorageVolDelete")
    }
}
