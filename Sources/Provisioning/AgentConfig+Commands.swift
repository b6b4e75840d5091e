import HostCommands

extension AgentConfig {
    /// The commands for the guest's init system (POSIX sh, so they work on Alpine's ash).
    public func commands(for manager: ServiceManager) -> AgentServiceCommands {
        let q = ShellQuote.quote
        let directory = configPath.split(separator: "/").dropLast().joined(separator: "/")
        let temporary = configPath + ".tmp"
        let writeConfig = "umask 077 && mkdir -p \(q("/" + directory)) && cat > \(q(temporary)) && mv -f \(q(temporary)) \(q(configPath))"
        let service = q(serviceName)
        switch manager {
        case .systemd:
            return AgentServiceCommands(
                writeConfig: writeConfig,
                enableAndStart: ["systemctl enable --now \(service)"],
                checkActive: "systemctl is-active \(service)"
            )
        case .openrc:
            return AgentServiceCommands(
                writeConfig: writeConfig,
                enableAndStart: ["rc-update add \(service) default", "rc-service \(service) start"],
                checkActive: "rc-service \(service) status"
            )
        case .none:
            // Nothing can keep the agent running; writing the config still helps whoever starts it
            // by hand, and the check fails with a reason instead of claiming the service is up.
            return AgentServiceCommands(
                writeConfig: writeConfig,
                enableAndStart: [],
                checkActive: "echo \(q("no init system to run " + serviceName + " under")) >&2; exit 1"
            )
        }
    }
}
