import ArgumentParser
import Foundation
import HostCommands
import Localization
import Provisioning
import ProvisioningAdapter
import Reconciler
import Spec

/// `reconcile ssh VM [-- CMD…]`: OpenSSH to the guest with reconcile's key and only its pinned host key.
struct SSHCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "ssh",
            abstract: Localizer.current.text("help.ssh.abstract"),
            discussion: """
                The address is the guest's current one (as `reconcile ip` finds it); when libvirt lists \
                several (an old lease beside a new one), the one that answers with the guest's own host key \
                is used. The user is the one reconcile's seed created with its key, unless --user is given. \
                ssh reads no ssh_config and no other known_hosts: nothing but these options reach it.

                Examples:
                  reconcile ssh web -f manifests/
                  reconcile ssh web -f manifests/ -- sudo journalctl -u sysmanage-agent
                """)
    }

    @Argument(help: "Virtual machine name.")
    var vm: String

    @Argument(parsing: .postTerminator, help: "Command to run in the guest instead of a login shell (after --).")
    var command: [String] = []

    @OptionGroup var target: GuestTargetOptions

    @Option(help: ArgumentHelp("Log in as this user (it must accept reconcile's key).", valueName: "name"))
    var user: String?

    @Option(help: ArgumentHelp("reconcile's state directory: its SSH key and the guests' pinned host keys (default: ~/.local/state/reconcile).", valueName: "dir"))
    var stateDir: String?

    func validate() throws {
        if let user, let problem = Naming.userNameProblem(user) { throw ValidationError("--user: \(problem)") }
    }

    func run() async throws {
        let state = URL(fileURLWithPath: ProvisioningOptions.stateDirectory(stateDir))
        let login = user ?? ProvisioningFacts.loginUser
        let line: [String] = try await GuestTargetOptions.run {
            guard case let (vm, control, hypervisor)? = try await target.control(for: [vm]).first else {
                throw ExitCode.failure
            }
            let candidates = try await control.addresses(vm).map(\.address)
            let hostKey = state.appendingPathComponent("hostkeys/\(vm)/ssh_host_ed25519_key.pub")
            guard FileManager.default.fileExists(atPath: hostKey.path) else {
                throw ReconcileError(.notFound, Localizer.current.text("cli.ssh.noHostKey", ["vm": vm, "directory": state.path]))
            }
            let access = SSHGuestAccess(stateDirectory: state)
            var tried: [String] = []
            for address in candidates {
                // Pins the guest's own key for the address and logs in once: a stale lease answers with another key.
                let probe = await access.probeSSH(guest: vm, user: login, address: address)
                guard probe.outcome == .connected else {
                    tried.append("\(address): \(probe.outcome.rawValue) \(probe.detail)")
                    continue
                }
                let client = try await SSHKeyGenerator().ensureClientKey(stateDirectory: state)
                var options = SSHOptions.guest(identityFile: client.privateKeyPath, knownHosts: access.knownHosts)
                options.allocateTTY = command.isEmpty && isatty(STDIN_FILENO) == 1
                let transport = SSHTransport(SSHTarget(host: address, user: login), options: options)
                Terminal.error(Localizer.current.text("cli.ssh.login", ["destination": "\(login)@\(address)", "vm": vm, "uri": hypervisor.uri]))
                return command.isEmpty ? transport.loginCommandLine() : transport.commandLine(for: command)
            }
            throw ReconcileError(.connectionFailed, Localizer.current.text("cli.ssh.noAnswer", ["vm": vm, "tried": tried.joined(separator: "; ")]))
        }
        try Self.exec(line)
    }

    /// Replaces reconcile with ssh, so the terminal, signals and exit status are ssh's own.
    static func exec(_ argv: [String]) throws -> Never {
        var arguments = argv.map { strdup($0) }
        arguments.append(nil)
        execvp(argv[0], &arguments)
        Terminal.error("error: " + Localizer.current.text("cli.cannotRun", ["program": argv[0], "reason": String(cString: strerror(errno))]))
        throw ExitCode.failure
    }
}
