/// Finds out whether a service is enabled and running, without asking the
/// service manager (which may not run at all, e.g. in a container).
public struct ServiceProbe: Sendable {
    let system: HostSystem

    public init(system: HostSystem) {
        self.system = system
    }

    static let systemdUnitDirectories = ["/etc/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system"]
    static let openrcRunlevels = ["/etc/runlevels/default", "/etc/runlevels/boot", "/etc/runlevels/sysinit"]

    public func status(of service: ServiceDefinition) async -> ServiceStatus {
        let enabledBy = await enablingFiles(of: service)
        let evidence = await runningEvidence(of: service)
        return ServiceStatus(
            name: service.name, enabled: !enabledBy.isEmpty, enabledBy: enabledBy,
            running: evidence != nil, runningEvidence: evidence
        )
    }

    /// systemctl enable creates links in `<target>.wants/`; rc-update add
    /// creates links in `/etc/runlevels/<level>/`.
    func enablingFiles(of service: ServiceDefinition) async -> [String] {
        var found: [String] = []
        for directory in Self.systemdUnitDirectories {
            for entry in await system.files.listDirectory(directory) where entry.hasSuffix(".wants") {
                for unit in service.systemdUnits {
                    let path = "\(directory)/\(entry)/\(unit)"
                    if await system.files.exists(path) { found.append(path) }
                }
            }
        }
        for runlevel in Self.openrcRunlevels {
            for name in service.openrcServices {
                let path = "\(runlevel)/\(name)"
                if await system.files.exists(path) { found.append(path) }
            }
        }
        return found
    }

    func runningEvidence(of service: ServiceDefinition) async -> String? {
        for socket in service.sockets where await system.files.exists(socket) {
            if await system.devices.canConnect(unixSocket: socket) {
                return "\(socket) accepts connections"
            }
        }
        for pidFile in service.pidFiles {
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
