public struct ObservedVolume: Sendable, Hashable, Codable {
    public var pool: String
    public var name: String
    public var path: String
    public var capacity: UInt64
    public var format: String?

    public init(pool: String, name: String, path: String, capacity: UInt64, format: String?) {
        self.pool = pool
        self.name = name
        self.path = path
        self.capacity = capacity
        self.format = format
    }
}
