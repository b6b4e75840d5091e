import Foundation
import HostCommands
import Localization
import Provisioning
import Reconciler
import Spec

/// Reaches guests with OpenSSH, using reconcile's own key and known_hosts under the state directory.
public struct SSHGuestAccess: GuestAccess {
    let stateDirectory: URL

    public init(stateDirectory: URL) {
        self.stateDirectory = stateDirectory
    }

    public var knownHosts: KnownHostsFile { KnownHostsFile(url: stateDirectory.appendingPathComponent("ssh/known_hosts")) }

    /// The guest's login `user` at `address`, with reconcile's own key and only the guest's pinned host key.
    func transport(to address: String, user: String) async throws -> SSHTransport {
        let client = try await SSHKeyGenerator().ensureClientKey(stateDirectory: stateDirectory)
        return SSHTransport(SSHTarget(host: address, user: user),
                            options: .guest(identityFile: client.privateKeyPath, knownHosts: knownHosts, connectTimeout: 5))
    }

    /// Pins this guest's key for the address before trying it: an address still leased to an earlier
    /// guest then answers with the wrong key and is passed over, never trusted.
    public func probeSSH(guest: String, user: String, address: String) async -> SSHProbe {
        do {
            let transport = try await transport(to: address, user: user)
            let hostKey = try await SSHKeyGenerator().ensureGuestHostKey(stateDirectory: stateDirectory, guest: guest)
            try knownHosts.pin(host: address, publicKey: hostKey.publicKey)
            let result = try await transport.run(["true"], input: nil, timeout: .seconds(15))
            let detail = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
            switch SSHAttempt.classify(result) {
            case .connected: return SSHProbe(.connected, "connected")
            case .hostKeyMismatch: return SSHProbe(.wrongHostKey, detail)
            case let other: return SSHProbe(.unreachable, "\(other.rawValue): \(detail.suffix(160))")
            }
        } catch {
            // The detail lands in an engine message's arguments, which JSON reports read: English.
            return SSHProbe(.unreachable, String(ErrorText.english(error).suffix(200)))
        }
    }

    /// `cloud-init status --wait` can return before the final stage when a module failed, so the
    /// long status decides: `done` is success, anything else is reported with cloud-init's errors.
    public func waitForCloudInit(guest: String, user: String, address: String, timeout: Duration) async throws -> LocalizedMessage {
        try await waitForCloudInit(guest: guest, over: try await transport(to: address, user: user), timeout: timeout)
    }

    func waitForCloudInit(guest: String, over transport: some CommandTransport, timeout: Duration) async throws -> LocalizedMessage {
        let result = try await transport.run(["cloud-init", "status", "--wait", "--long"], input: nil, timeout: timeout)
        let output = result.standardOutput + result.standardError
        let status = output.split(separator: "\n").first { $0.hasPrefix("status:") }?
            .dropFirst("status:".count).trimmingCharacters(in: .whitespaces) ?? "unknown"
        guard status == "done" else {
            throw ReconcileError(.stepFailed, LocalizedMessage("provisioning.cloudInitFailed", [
                "guest": guest, "status": status, "output": String(output.trimmingCharacters(in: .whitespacesAndNewlines).suffix(800)),
            ]))
        }
        return LocalizedMessage("engine.detail.cloudInitDone")
    }

    public func installAgent(_ request: AgentInstallRequest, guest: String, user: String, address: String) async throws -> LocalizedMessage {
        try await installAgent(request, guest: guest, over: try await transport(to: address, user: user))
    }

    func installAgent(_ request: AgentInstallRequest, guest: String, over transport: some CommandTransport) async throws -> LocalizedMessage {
        func sudo(_ command: String, input: String? = nil, timeout: Duration = .seconds(900)) async throws -> ProcessResult {
            try await transport.run(["sudo", "-n", "sh", "-c", command], input: input, timeout: timeout)
        }
        /// `failure` names what ran and what to do about it; the guest, exit status and output are added here.
        func check(_ result: ProcessResult, _ failure: @autoclosure () -> LocalizedMessage) throws {
            guard result.succeeded else {
                let output = (result.standardError + result.standardOutput).trimmingCharacters(in: .whitespacesAndNewlines)
                let message = failure()
                throw ReconcileError(.stepFailed, LocalizedMessage(message.key, message.arguments.merging([
                    "guest": guest, "status": String(result.exitStatus), "output": String(output.suffix(600)),
                ]) { given, _ in given }))
            }
        }
        for command in request.installCommands {
            let result = try await sudo(command)
            try check(result, LocalizedMessage("provisioning.agentInstallCommandFailed", ["command": String(command.prefix(100))]))
        }
        let manager: ServiceManager = request.usesOpenRC ? .openrc : .systemd
        let config = AgentConfig(serverHost: request.agent.serverHost, port: request.agent.port, useHTTPS: request.agent.https,
                                 verifySSL: request.agent.verifySSL,
                                 registrationTokenFile: request.agent.registrationTokenFile.map { URL(fileURLWithPath: $0) },
                                 configPath: request.agent.configPath ?? AgentConfig.configPath(for: manager),
                                 serviceName: request.agent.service)
        let rendered = try config.render()
        let commands = config.commands(for: manager)
        try check(try await sudo(commands.writeConfig, input: rendered.content),
                  LocalizedMessage("provisioning.agentConfigWriteFailed", ["path": config.configPath]))
        // OpenRC services log to syslog; systemd's to the journal.
        let service = request.agent.service
        for command in commands.enableAndStart {
            try check(try await sudo(command), request.usesOpenRC
                ? LocalizedMessage("provisioning.agentServiceCommandFailedOpenRC", ["command": command])
                : LocalizedMessage("provisioning.agentServiceCommandFailedSystemd", ["command": command, "service": service]))
        }
        try check(try await sudo(commands.checkActive, timeout: .seconds(60)), request.usesOpenRC
            ? LocalizedMessage("provisioning.agentNotActiveOpenRC", ["service": service])
            : LocalizedMessage("provisioning.agentNotActiveSystemd", ["service": service]))
        return request.doneSummary
    }
}
