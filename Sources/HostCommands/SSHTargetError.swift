import Localization

/// A `--host` or manifest `ssh` value that is not `user@host[:port]`.
public enum SSHTargetError: LocalizedDescription, Equatable {
    /// The text as given, and what is wrong with it (manifest diagnostics quote the reason alone).
    case invalid(String, LocalizedMessage)

    public func description(_ localizer: Localizer) -> String {
        switch self {
        case .invalid(let text, let reason):
            localizer.text("adapter.ssh.invalidTarget", ["target": text, "reason": reason.text(localizer)])
        }
    }
}
