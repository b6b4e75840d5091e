/// A package name that reconcile will not hand to the host's package manager.
public struct PackageNameError: Error, Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let manager: PackageManager
    public let reason: String

    public init(name: String, manager: PackageManager, reason: String) {
        self.name = name
        self.manager = manager
        self.reason = reason
    }

    public var description: String {
        // debugDescription escapes control characters, so the name cannot restyle a terminal.
        "package name \(name.debugDescription) is refused for \(manager.rawValue): \(reason)"
    }
}
