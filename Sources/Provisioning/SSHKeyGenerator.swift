import Foundation
import HostCommands
import Localization

/// Creates ed25519 key pairs with OpenSSH's `ssh-keygen`.
public struct SSHKeyGenerator: Sendable {
    public init() {}

    /// Returns the pair at `path`, generating it first when it does not exist yet,
    /// so a guest keeps one host key (and one seed digest) across runs.
    public func ensureEd25519(at path: URL, comment: String) async throws -> SSHKeyPairFiles {
        let fileManager = FileManager.default
        try fileManager.createDirectory(
            at: path.deletingLastPathComponent(),
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        let publicPath = path.path + ".pub"
        if !fileManager.fileExists(atPath: path.path) {
            // A stray .pub without its private key would make ssh-keygen prompt.
            try? fileManager.removeItem(atPath: publicPath)
            try await LocalTransport().check(
                ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path.path, "-C", comment],
                timeout: .seconds(30)
            )
        }
        try fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path.path)
        let publicKey: String
        if fileManager.fileExists(atPath: publicPath) {
            publicKey = try String(contentsOfFile: publicPath, encoding: .utf8)
        } else {
            // Recreate a lost .pub from the private key rather than minting a new identity.
            publicKey = try await LocalTransport().check(["ssh-keygen", "-y", "-f", path.path], timeout: .seconds(30)).standardOutput
            try publicKey.write(toFile: publicPath, atomically: true, encoding: .utf8)
        }
        return SSHKeyPairFiles(privateKeyPath: path, publicKey: publicKey.trimmed(of: " \n"))
    }

    /// reconcile's own client identity: `<stateDirectory>/ssh/id_ed25519`, mode 0600.
    public func ensureClientKey(stateDirectory: URL) async throws -> SSHKeyPairFiles {
        try await ensureEd25519(
            at: stateDirectory.appendingPathComponent("ssh").appendingPathComponent("id_ed25519"),
            comment: "reconcile"
        )
    }

    /// A guest's host key, kept at `<stateDirectory>/hostkeys/<guest>/ssh_host_ed25519_key`,
    /// loaded as the value that goes into its cloud-init seed.
    public func ensureGuestHostKey(stateDirectory: URL, guest: String) async throws -> SSHHostKey {
        guard !guest.isEmpty, !guest.contains("/"), guest != ".", guest != ".." else {
            throw ProvisioningError(.invalidArgument, LocalizedMessage("provisioning.guestNameNotDirectory", ["guest": guest]))
        }
        let files = try await ensureEd25519(
            at: stateDirectory.appendingPathComponent("hostkeys").appendingPathComponent(guest)
                .appendingPathComponent("ssh_host_ed25519_key"),
            comment: "root@\(guest)"
        )
        let privateKey = try String(contentsOf: files.privateKeyPath, encoding: .utf8)
        return SSHHostKey(privateKey: privateKey, publicKey: files.publicKey)
    }
}
