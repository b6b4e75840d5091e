/// Finds out whether services are enabled and running, without asking the
/// service manager (which may not run at all, e.g. in a container).
public struct ServiceProbe: Sendable {
    let system: HostAccess

    public init(system: HostAccess) {
        self.system = system
    }

    static let systemdUnitDirectories = ["/etc/systemd/system", "/usr/lib/systemd/system"]
    static let openrcRunlevels = ["/etc/runlevels/default", "/etc/runlevels/boot", "/etc/runlevels/sysinit"]

    public func status(of service: ServiceDefinition) async -> ServiceStatus {
        await statuses(of: [service])[0]
    }

    /// Probes several services with one batch of existence checks.
    public func statuses(of services: [ServiceDefinition]) async -> [ServiceStatus] {
        var wantsDirectories: [String] = []
        for directory in Self.systemdUnitDirectories {
            wantsDirectories += await system.files.listDirectory(directory)
                .filter { $0.hasSuffix(".wants") }.map { "\(directory)/\($0)" }
        }
        let candidates = services.flatMap { enablingCandidates(of: $0, wantsDirectories: wantsDirectories) + $0.sockets + $0.pidFiles }
        let present = await system.files.existing(among: candidates)
        var result: [ServiceStatus] = []
        for service in services {
            let enabledBy = enablingCandidates(of: service, wantsDirectories: wantsDirectories).filter(present.contains)
            let evidence = await runningEvidence(of: service, present: present)
            result.append(ServiceStatus(
                name: service.name, enabled: !enabledBy.isEmpty, enabledBy: enabledBy,
                running: evidence != nil, runningEvidence: evidence
            ))
        }
        return result
    }

    /// systemctl enable creates links in `<target>.wants/`; rc-update add
    /// creates links in `/etc/runlevels/<level>/`.
    func enablingCandidates(of service: ServiceDefinition, wantsDirectories: [String]) -> [String] {
        wantsDirectories.flatMap { directory in service.systemdUnits.map { "\(directory)/\($0)" } }
            + Self.openrcRunlevels.flatMap { runlevel in service.openrcServices.map { "\(runlevel)/\($0)" } }
    }

    func runningEvidence(of service: ServiceDefinition, present: Set<String>) async -> String? {
        for socket in service.sockets where present.contains(socket) {
            if await system.devices.canConnect(unixSocket: socket) {
                return "\(socket) accepts connections"
            }
        }
        for pidFile in service.pidFiles where present.contains(pidFile) {
            // Pid files have no trailing newline, but tolerate one.
            guard let text = await system.files.readFile(pidFile),
                  let pid = Int(text.trimmingWhitespace) else { continue }
            if await system.devices.isProcessAlive(pid: pid) {
                return "pid \(pid) from \(pidFile) is alive"
            }
        }
        return nil
    }
}
