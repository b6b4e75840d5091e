/// Where a secret comes from. Manifests name a file or an environment variable rather than hold
/// the secret, so they can live in git; only password hashes may be written inline.
public enum SecretSource: Sendable, Hashable, Codable, CustomStringConvertible {
    case inline(String)
    case file(String)
    case environment(String)

    /// Never the secret itself: this is what plans, logs and errors show.
    public var description: String {
        switch self {
        case .inline: "(inline, redacted)"
        case .file(let path): "(from file \(path))"
        case .environment(let name): "(from $\(name))"
        }
    }
}
