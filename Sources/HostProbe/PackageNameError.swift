import HostCommands
import Localization

/// A package name that reconcile will not hand to the host's package manager.
public struct PackageNameError: LocalizedDescription, Sendable, Equatable {
    public let name: String
    public let manager: PackageManager
    /// Why, worded when shown.
    public let reason: LocalizedMessage

    public init(name: String, manager: PackageManager, reason: LocalizedMessage) {
        self.name = name
        self.manager = manager
        self.reason = reason
    }

    public func description(_ localizer: Localizer) -> String {
        // debugDescription escapes control characters, so the name cannot restyle a terminal.
        localizer.text("detect.packageName.refused", ["name": name.debugDescription, "manager": manager.rawValue, "reason": reason.text(localizer)])
    }
}
