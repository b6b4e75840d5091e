import HostCommands

/// How to enable and start a service under each service manager.
public enum ServiceCommands {
    /// Commands that start a daemon by hand when no service manager runs.
    static let manualStart: [String: [String]] = [
        "libvirtd": ["libvirtd", "-d"],
        "virtqemud": ["virtqemud", "-d"],
    ]

    /// Make the service start at boot. Empty without a service manager: nothing starts it at boot.
    public static func enable(_ service: String, with manager: ServiceManager) -> [HostCommand] {
        switch manager {
        case .systemd: [HostCommand(argv: ["systemctl", "enable", service])]
        case .openrc: [HostCommand(argv: ["rc-update", "add", service, "default"])]
        case .none: []
        }
    }

    /// Start the service now; nil when there is no known way (no service
    /// manager and no known daemon command).
    public static func start(_ service: String, with manager: ServiceManager) -> HostCommand? {
        switch manager {
        case .systemd: HostCommand(argv: ["systemctl", "start", service])
        case .openrc: HostCommand(argv: ["rc-service", service, "start"])
        case .none: manualStart[service].map { HostCommand(argv: $0) }
        }
    }
}
