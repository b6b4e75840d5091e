import HostCommands

extension ServiceManager {
    /// systemd counts only when it is actually running (/run/systemd/system,
    /// as sd_booted(3) checks), not merely installed, as in containers.
    public static func detect(files: any HostFileSource) async -> ServiceManager {
        if await files.exists("/run/systemd/system") { return .systemd }
        if await files.exists("/sbin/openrc") { return .openrc }
        if await files.exists("/etc/init.d"), await files.exists("/sbin/rc-service") { return .openrc }
        return .none
    }
}
