import CLibvirt
import Glibc

/// Owns a `virDomainSnapshotPtr`.
final class SnapshotHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        virDomainSnapshotFree(pointer)
    }

    var name: String { virDomainSnapshotGetName(pointer).map { String(cString: $0) } ?? "" }

    func xml() throws(LibvirtError) -> String {
        try Libvirt.takeString(virDomainSnapshotGetXMLDesc(pointer, 0), "virDomainSnapshotGetXMLDesc")
    }

    func isCurrent() throws(LibvirtError) -> Bool {
        try Libvirt.check(virDomainSnapshotIsCurrent(pointer, 0), "virDomainSnapshotIsCurrent") == 1
    }

    /// Snapshots made after this one on its branch (its direct children).
    func childCount() throws(LibvirtError) -> Int {
        Int(try Libvirt.check(virDomainSnapshotNumChildren(pointer, 0), "virDomainSnapshotNumChildren"))
    }

    /// Deletes the snapshot and its data (or, with `metadataOnly`, libvirt's record of it alone);
    /// its children (later snapshots) stay.
    func delete(metadataOnly: Bool = false) throws(LibvirtError) {
        let flags = metadataOnly ? UInt32(VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY.rawValue) : 0
        try Libvirt.check(virDomainSnapshotDelete(pointer, flags), "virDomainSnapshotDelete")
    }

    /// libvirt before 9.7 refuses to revert to an external snapshot, saying so with this code.
    static func isExternalRevertUnsupported(_ error: LibvirtError) -> Bool {
        error.code == Int32(VIR_ERR_CONFIG_UNSUPPORTED.rawValue) || error.code == Int32(VIR_ERR_OPERATION_UNSUPPORTED.rawValue)
    }

    /// `force` lets libvirt revert a running guest even where that loses its current state.
    func revert(force: Bool) throws(LibvirtError) {
        let flags = force ? UInt32(VIR_DOMAIN_SNAPSHOT_REVERT_FORCE.rawValue) : 0
        try Libvirt.check(virDomainRevertToSnapshot(pointer, flags), "virDomainRevertToSnapshot")
    }
}
