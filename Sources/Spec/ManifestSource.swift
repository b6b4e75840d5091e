/// A manifest file as it was read, with a digest so a saved plan can tell whether it changed since.
public struct ManifestSource: Sendable, Hashable, Codable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}
