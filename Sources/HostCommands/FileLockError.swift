import Localization

/// Why a lock file could not be opened or locked (not: that someone else holds it).
public struct FileLockError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { Localizer.current.text("adapter.lock.failed", ["path": path, "reason": reason]) }
}
