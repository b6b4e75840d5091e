import Localization

/// Why a lock file could not be opened or locked (not: that someone else holds it).
public struct FileLockError: LocalizedDescription, Sendable {
    public var path: String
    public var reason: String

    public func description(_ localizer: Localizer) -> String {
        localizer.text("adapter.lock.failed", ["path": path, "reason": reason])
    }
}
