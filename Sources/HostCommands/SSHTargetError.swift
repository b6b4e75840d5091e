/// A `--host` or manifest `ssh` value that is not `user@host[:port]`.
public enum SSHTargetError: Error, Equatable, CustomStringConvertible {
    case invalid(String, String)

    public var description: String {
        switch self {
        case .invalid(let text, let reason): "invalid SSH target \"\(text)\": \(reason) (expected user@host[:port])"
        }
    }
}
