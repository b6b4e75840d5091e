import Foundation
import Localization
import Provisioning
import Reconciler
import Spec

/// Renders a VM's NoCloud seed from its manifest, reconcile's login key and the host key reconcile
/// keeps for the guest, and builds the ISO.
public struct CloudInitSeedFactory: SeedFactory {
    let stateDirectory: URL

    public init(stateDirectory: URL) {
        self.stateDirectory = stateDirectory
    }

    public var unavailableReason: LocalizedMessage? {
        (try? SeedISOBuilder()) == nil ? LocalizedMessage("provisioning.noISOBuilder") : nil
    }

    public func digest(of request: SeedRequest) async throws -> String {
        if let answer = request.answer { return AnswerFileSeed(answer, guest: request.guest).digest }
        return try await render(request).digest.description
    }

    public func build(_ request: SeedRequest) async throws -> URL {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("reconcile-seed-\(request.guest)-\(UUID().uuidString).iso")
        if let answer = request.answer {
            // An installer VM: no login key, host key or cloud-config of reconcile's, only the answer file.
            let seed = AnswerFileSeed(answer, guest: request.guest)
            try await SeedISOBuilder().build(files: seed.files, label: seed.label, at: output)
            return output
        }
        let rendered = try await render(request)
        try await SeedISOBuilder().build(rendered, at: output)
        return output
    }

    func render(_ request: SeedRequest) async throws -> RenderedSeed {
        let keys = SSHKeyGenerator()
        let client = try await keys.ensureClientKey(stateDirectory: stateDirectory)
        let hostKey = try await keys.ensureGuestHostKey(stateDirectory: stateDirectory, guest: request.guest)
        let spec = request.cloudInit
        var users = [SeedUser(name: request.loginUser, sshAuthorizedKeys: [client.publicKey], sudo: "ALL=(ALL) NOPASSWD:ALL")]
        for user in spec.users {
            users.append(SeedUser(name: user.name, sshAuthorizedKeys: user.sshAuthorizedKeys,
                                  passwordHash: try user.passwordHash.map { try $0.passwordHash() }, sudo: user.sudo))
        }
        var network = SeedNetwork.dhcp
        if let address = spec.network.address {
            let parts = address.split(separator: "/")
            guard parts.count == 2, let prefix = Int(parts[1]), let mac = request.primaryMAC else {
                throw ReconcileError(.unsupported, LocalizedMessage("provisioning.staticAddressNeedsPrefix", ["guest": request.guest]))
            }
            network = SeedNetwork(match: .macAddress(mac), addressing: .staticAddress(
                StaticAddress(address: String(parts[0]), prefixLength: prefix, gateway: spec.network.gateway,
                              dnsServers: spec.network.dns)))
        }
        let seed = CloudInitSeed(
            hostname: request.hostname, fqdn: spec.fqdn, users: users, packages: request.packages, runcmd: spec.runcmd,
            writeFiles: spec.writeFiles.map { SeedFile(path: $0.path, content: $0.content, permissions: $0.permissions, owner: $0.owner) },
            network: network, hostKey: hostKey, extraUserData: spec.userData)
        return try seed.render()
    }
}
