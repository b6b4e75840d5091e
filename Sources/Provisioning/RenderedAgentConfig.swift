/// The agent's YAML config file. It may contain the registration token, so its
/// description shows only the path and whether a token is present.
public struct RenderedAgentConfig: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public let path: String
    public let content: String
    public let hasToken: Bool

    public var description: String {
        "agent config \(path) (\(content.utf8.count) bytes\(hasToken ? ", registration token redacted" : ""))"
    }

    public var debugDescription: String { description }

    /// The same file as a cloud-init `write_files` entry (root-only: it holds the token).
    public var seedFile: SeedFile {
        SeedFile(path: path, content: content, permissions: "0600", owner: "root:root")
    }
}
