/// A file cloud-init writes (`write_files`).
public struct SeedFile: Sendable, Hashable {
    public var path: String
    public var content: String
    /// Octal mode as cloud-init expects it, e.g. `0644`.
    public var permissions: String?
    /// `user:group`.
    public var owner: String?

    public init(path: String, content: String, permissions: String? = nil, owner: String? = nil) {
        self.path = path
        self.content = content
        self.permissions = permissions
        self.owner = owner
    }
}
