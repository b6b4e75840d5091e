import Localization

/// A `--host` or manifest `ssh` value that is not `user@host[:port]`.
public enum SSHTargetError: LocalizedDescription, Equatable {
    case invalid(String, String)

    public func description(_ localizer: Localizer) -> String {
        switch self {
        // The reason stays English: manifests' diagnostics (and their JSON) quote it as well.
        case .invalid(let text, let reason): localizer.text("adapter.ssh.invalidTarget", ["target": text, "reason": reason])
        }
    }
}
