import CLibvirt

extension LibvirtConnection {
    /// nil when no pool of this connection has a volume with that path.
    func volume(path: String) throws(LibvirtError) -> VolumeHandle? {
        guard let volume = virStorageVolLookupByPath(pointer, path) else {
            let error = LibvirtError.last(function: "virStorageVolLookupByPath")
            if error.isNotFound { return nil }
            throw error
        }
        return VolumeHandle(volume)
    }
}
