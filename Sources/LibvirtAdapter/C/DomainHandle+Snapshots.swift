import CLibvirt
import Glibc

extension DomainHandle {
    func createSnapshot(xml: String, flags: UInt32) throws(LibvirtError) -> SnapshotHandle {
        SnapshotHandle(try Libvirt.check(virDomainSnapshotCreateXML(pointer, xml, flags), "virDomainSnapshotCreateXML"))
    }

    /// nil when the domain has no snapshot of that name.
    func snapshot(named name: String) throws(LibvirtError) -> SnapshotHandle? {
        guard let snapshot = virDomainSnapshotLookupByName(pointer, name, 0) else {
            let error = LibvirtError.last(function: "virDomainSnapshotLookupByName")
            if error.code == Int32(VIR_ERR_NO_DOMAIN_SNAPSHOT.rawValue) { return nil }
            throw error
        }
        return SnapshotHandle(snapshot)
    }

    func allSnapshots() throws(LibvirtError) -> [SnapshotHandle] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = try Libvirt.check(virDomainListAllSnapshots(pointer, &list, 0), "virDomainListAllSnapshots")
        return LibvirtConnection.adopt(list, count: count, SnapshotHandle.init)
    }
}
