/// A guest's ed25519 host key pair, pinned by handing it to cloud-init.
///
/// `description` never shows the private key, so logging the value is safe.
public struct SSHHostKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// OpenSSH private key text (`-----BEGIN OPENSSH PRIVATE KEY-----`).
    public let privateKey: String
    /// `ssh-ed25519 AAAA... comment`
    public let publicKey: String

    public init(privateKey: String, publicKey: String) {
        self.privateKey = privateKey
        self.publicKey = publicKey
    }

    /// The key type and base64 blob, without the comment: what known_hosts holds.
    public var publicKeyBody: String {
        publicKey.split(separator: " ").prefix(2).joined(separator: " ")
    }

    public var description: String { "SSHHostKey(\(publicKeyBody), private key redacted)" }
    public var debugDescription: String { description }
}
