public struct ObservedVolume: Sendable, Hashable, Codable {
    public var pool: String
    public var name: String
    public var path: String
    public var capacity: UInt64
    public var format: String?
    /// Bytes the file takes on the host, to tell a complete upload from an interrupted one.
    public var physicalSize: UInt64?
    /// The file a copy-on-write volume is built on (a VM disk's base image, or the image an external
    /// snapshot froze under its overlay); nil for a volume of its own.
    public var backingPath: String?

    public init(pool: String, name: String, path: String, capacity: UInt64, format: String?, physicalSize: UInt64? = nil,
                backingPath: String? = nil) {
        self.pool = pool
        self.name = name
        self.path = path
        self.capacity = capacity
        self.format = format
        self.physicalSize = physicalSize
        self.backingPath = backingPath
    }
}
