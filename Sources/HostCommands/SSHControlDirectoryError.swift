/// The directory for shared SSH connections cannot be trusted or created.
public struct SSHControlDirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "cannot use \(path) for shared SSH connections: \(reason)"
    }
}
