/// One disk of a VM, backed by a volume in a storage pool.
public struct DiskSpec: Sendable, Hashable, Codable {
    public var name: String
    /// nil only for a disk made `from:` an image, which then keeps the image's own size.
    public var size: ByteSize?
    public var pool: String
    public var format: DiskFormat
    public var bus: DiskBus
    public var deleteWithVM: Bool
    /// A Distribution whose cloud image this disk starts from.
    public var from: String?
    public var location: SourceLocation

    public init(
        name: String, size: ByteSize?, pool: String, format: DiskFormat = .qcow2, bus: DiskBus = .virtio,
        deleteWithVM: Bool = false, from: String? = nil, location: SourceLocation
    ) {
        self.name = name
        self.size = size
        self.pool = pool
        self.format = format
        self.bus = bus
        self.deleteWithVM = deleteWithVM
        self.from = from
        self.location = location
    }

    /// The volume's name in its pool: predictable, so a run killed after creating it finds it again.
    public func volumeName(vm: String) -> String {
        "\(vm)-\(name).\(format.fileExtension)"
    }
}
