import Foundation

/// An OpenSSH key pair on disk: `privateKeyPath` and `privateKeyPath.pub`.
public struct SSHKeyPairFiles: Sendable, Hashable {
    public let privateKeyPath: URL
    /// `ssh-ed25519 AAAA... comment`
    public let publicKey: String

    public init(privateKeyPath: URL, publicKey: String) {
        self.privateKeyPath = privateKeyPath
        self.publicKey = publicKey
    }

    public var publicKeyPath: URL { URL(fileURLWithPath: privateKeyPath.path + ".pub") }
}
