import HostCommands
import HostProbe
import Localization
import Reconciler

/// `HostSystem` over HostProbe: reads the host the way `reconcile detect` does, and runs the host
/// steps' commands through a transport (this machine, or OpenSSH).
public struct ProbedHostSystem: HostSystem {
    /// How long a started daemon may take to answer before the step counts as failed.
    static let startTimeout: Duration = .seconds(20)

    public let access: HostAccess
    /// Runs the host steps' commands; the same transport the probes read through, except in
    /// tests that record the commands instead of running them.
    public let transport: any CommandTransport

    public init(access: HostAccess, transport: any CommandTransport) {
        self.access = access
        self.transport = transport
    }

    public var target: String { transport.target }

    /// The commands for one host step on this host, as the step would run them.
    public func commands(for action: Action) async -> [HostCommand] {
        await builder().commands(for: action)
    }

    func builder() async -> HostCommandBuilder {
        let distribution = await Distribution.detect(files: access.files)
        let user = await access.devices.currentUser()
        return HostCommandBuilder(distribution: distribution, escalate: !user.isRoot)
    }

    public func installPackages(_ packages: [String]) async throws {
        if let manager = await builder().distribution.packageManager { try manager.validate(packages) }
        try await run(.installPackages(packages))
    }

    public func enableService(_ name: String) async throws {
        try await run(.enableService(name))
    }

    public func startService(_ name: String) async throws {
        let builder = try await run(.startService(name))
        try await waitUntilRunning(name, builder: builder)
    }

    public func addUserToGroup(user: String, group: String) async throws {
        try await run(.addUserToGroup(user: user, group: group))
    }

    /// Runs an action's commands in order, stopping at the first failure.
    @discardableResult
    func run(_ action: Action) async throws -> HostCommandBuilder {
        let builder = await builder()
        let commands = builder.commands(for: action)
        guard !commands.isEmpty else {
            throw HostCommandError(command: HostCommand(argv: [action.kind.rawValue]), target: target, exitCode: nil,
                                   stderr: Localizer.current.text("adapter.noCommand", [
                                       "distribution": builder.distribution.name ?? builder.distribution.id,
                                   ]),
                                   hint: LocalizedMessage("adapter.hint.byHand"))
        }
        let hints = FailureHint(builder: builder)
        for command in commands {
            let result: ProcessResult
            do throws(ProcessError) {
                result = try await transport.run(command.argvWithEnvironment)
            } catch {
                // HostCommandError already names the command; show swift-subprocess's reason as it is.
                throw HostCommandError(command: command, target: target, exitCode: nil,
                                       stderr: error.underlying.map { "\($0)" } ?? error.message,
                                       hint: LocalizedMessage("adapter.hint.notInPath", ["program": command.argv.first ?? command.rendered]))
            }
            guard result.succeeded else {
                let stderr = transport.failedToReach(result)
                    ? Localizer.current.text("adapter.cannotReach", ["target": target, "detail": result.standardError])
                    : result.standardError
                throw HostCommandError(command: command, target: target, exitCode: result.exitStatus, stderr: stderr,
                                       hint: hints.hint(for: action, stderr: stderr))
            }
        }
        return builder
    }

    /// Service managers return before the daemon listens, and `libvirtd -d` forks: wait until it
    /// answers so the next pass can connect.
    func waitUntilRunning(_ name: String, builder: HostCommandBuilder) async throws {
        let definition = Self.serviceDefinition(name)
        let clock = ContinuousClock()
        let deadline = clock.now + Self.startTimeout
        while clock.now < deadline {
            if await ServiceProbe(system: access).status(of: definition).running { return }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw HostCommandError(command: builder.commands(for: .startService(name)).last ?? HostCommand(argv: [name]),
                               target: target, exitCode: 0,
                               stderr: Localizer.current.text("adapter.noAnswer", ["service": name, "seconds": Self.startTimeout.secondsText]),
                               hint: LocalizedMessage("adapter.hint.serviceFailed", ["service": name, "log": builder.daemonLogHint(name)]))
    }

    static func serviceDefinition(_ name: String) -> ServiceDefinition {
        name == ServiceDefinition.virtqemud.name ? .virtqemud : .libvirtd
    }
}
