import Spec

public struct VolumeDefinition: Sendable, Hashable, Codable {
    public var pool: String
    public var name: String
    public var capacity: UInt64
    public var format: DiskFormat
    /// A copy-on-write overlay on this base image (a volume path in the same pool), never a full copy.
    public var backingPath: String?
    public var backingFormat: DiskFormat?

    public init(pool: String, name: String, capacity: UInt64, format: DiskFormat, backingPath: String? = nil,
                backingFormat: DiskFormat? = nil) {
        self.pool = pool
        self.name = name
        self.capacity = capacity
        self.format = format
        self.backingPath = backingPath
        self.backingFormat = backingFormat
    }
}
