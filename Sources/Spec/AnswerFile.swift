/// An unattended installer's answers, as manifest data: reconcile writes the text into a file on
/// the seed ISO and never runs or interprets it.
public struct AnswerFile: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Ubuntu's Subiquity, read through cloud-init's NoCloud `user-data`.
        case autoinstall
        /// Anaconda (Fedora, RHEL and derivatives): `ks.cfg`.
        case kickstart
        /// debian-installer: `preseed.cfg`.
        case preseed
    }

    public var kind: Kind
    /// For autoinstall the YAML mapping that goes under `autoinstall:`; otherwise the file's text.
    public var content: String

    public init(kind: Kind, content: String) {
        self.kind = kind
        self.content = content
    }
}
