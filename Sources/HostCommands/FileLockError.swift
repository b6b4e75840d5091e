/// Why a lock file could not be opened or locked (not: that someone else holds it).
public struct FileLockError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot lock \(path): \(reason)" }
}
