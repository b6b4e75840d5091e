import Spec

public struct VolumeDefinition: Sendable, Hashable, Codable {
    public var pool: String
    public var name: String
    public var capacity: UInt64
    public var format: DiskFormat

    public init(pool: String, name: String, capacity: UInt64, format: DiskFormat) {
        self.pool = pool
        self.name = name
        self.capacity = capacity
        self.format = format
    }
}
