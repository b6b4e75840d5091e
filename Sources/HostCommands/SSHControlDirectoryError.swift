import Localization

/// The directory for shared SSH connections cannot be trusted or created.
public struct SSHControlDirectoryError: LocalizedDescription, Sendable, Equatable {
    public let path: String
    /// What is wrong with it and what to do, worded when shown.
    public let reason: LocalizedMessage

    public init(path: String, reason: LocalizedMessage) {
        self.path = path
        self.reason = reason
    }

    public func description(_ localizer: Localizer) -> String {
        localizer.text("adapter.sshMux.cannotUse", ["path": path, "reason": reason.text(localizer)])
    }
}
