import HostCommands
import HostProbe
import Reconciler

/// The exact commands each host step runs on a given distribution. Pure, so plans can show them
/// and golden tests can pin them.
public struct HostCommandBuilder: Sendable {
    /// Where a daemon started without an init system writes its log, so a failure can point at it.
    public static let manualDaemonLog = "/var/log/libvirt/libvirtd.log"

    public var distribution: Distribution
    /// Not root: every command goes through `sudo -n`, which fails instead of prompting.
    public var escalate: Bool

    public init(distribution: Distribution, escalate: Bool) {
        self.distribution = distribution
        self.escalate = escalate
    }

    var serviceManager: ServiceManager { distribution.serviceManager }

    /// The commands for a host-level action; empty for libvirt-level ones.
    public func commands(for action: Action) -> [HostCommand] {
        let commands: [HostCommand] = switch action {
        case .installPackages(let packages): install(packages)
        case .enableService(let name): ServiceCommands.enable(name, with: serviceManager)
        case .startService(let name): start(name)
        case .addUserToGroup(let user, let group): [addToGroup(user: user, group: group)]
        default: []
        }
        return commands.map(escalated)
    }

    func install(_ packages: [String]) -> [HostCommand] {
        guard let manager = distribution.packageManager else { return [] }
        let install = InstallCommand.install(packages, with: manager)
        // A fresh Debian or Ubuntu image ships without package lists: install would find nothing.
        return manager == .apt ? [HostCommand(argv: ["apt-get", "update"]), install] : [install]
    }

    func start(_ name: String) -> [HostCommand] {
        guard var command = ServiceCommands.start(name, with: serviceManager) else { return [] }
        guard serviceManager == .none else { return [command] }
        // A daemon started by hand logs to syslog, which such hosts rarely run: keep a file instead.
        let log = Self.manualDaemonLog.replacingOccurrences(of: "libvirtd", with: name)
        command.environment["LIBVIRT_LOG_OUTPUTS"] = "3:file:\(log)"
        guard name == "libvirtd" else { return [command] }
        // An init system would start virtlogd on demand; by hand, QEMU guests cannot start without it.
        let logDaemon = HostCommand(argv: ["sh", "-c", "[ -S /run/libvirt/virtlogd-sock ] || virtlogd -d"])
        return [logDaemon, command]
    }

    func addToGroup(user: String, group: String) -> HostCommand {
        // BusyBox (Alpine) has no usermod unless the shadow package is installed. `--`: a user
        // name from a manifest is never read as an option.
        distribution.packageManager == .apk
            ? HostCommand(argv: ["addgroup", "--", user, group])
            : HostCommand(argv: ["usermod", "-aG", group, "--", user])
    }

    func escalated(_ command: HostCommand) -> HostCommand {
        guard escalate else { return command }
        // sudo resets the environment, so variables travel as `env` arguments.
        let environment = command.environment.keys.sorted().map { "\($0)=\(command.environment[$0] ?? "")" }
        return HostCommand(argv: ["sudo", "-n"] + (environment.isEmpty ? [] : ["env"] + environment) + command.argv)
    }

    /// Where to look when the daemon fails, in the host's own terms.
    public func daemonLogHint(_ service: String) -> String {
        switch serviceManager {
        case .systemd: "journalctl -u \(service) -n 50 --no-pager"
        case .openrc: "rc-service \(service) status, and /var/log/libvirt/\(service).log"
        case .none: "the daemon's log file \(Self.manualDaemonLog.replacingOccurrences(of: "libvirtd", with: service)) (no init system, so no journal)"
        }
    }
}
