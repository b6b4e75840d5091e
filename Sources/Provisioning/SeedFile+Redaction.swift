extension SeedFile: CustomStringConvertible, CustomDebugStringConvertible {
    /// Files may carry tokens or keys: show only where they go and their size.
    public var description: String { "SeedFile(\(path), \(content.utf8.count) bytes)" }
    public var debugDescription: String { description }
}
