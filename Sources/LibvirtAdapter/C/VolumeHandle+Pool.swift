import CLibvirt

extension VolumeHandle {
    /// The pool that holds the volume.
    func pool() throws(LibvirtError) -> PoolHandle {
        PoolHandle(try Libvirt.check(virStoragePoolLookupByVolume(pointer), "virStoragePoolLookupByVolume"))
    }
}
