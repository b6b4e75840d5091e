import Localization

/// A `--host` or manifest `ssh` value that is not `user@host[:port]`.
public enum SSHTargetError: Error, Equatable, CustomStringConvertible {
    case invalid(String, String)

    public var description: String {
        switch self {
        // The reason stays English: manifests' diagnostics (and their JSON) quote it as well.
        case .invalid(let text, let reason): Localizer.current.text("adapter.ssh.invalidTarget", ["target": text, "reason": reason])
        }
    }
}
