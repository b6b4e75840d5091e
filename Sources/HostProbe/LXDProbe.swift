import Localization

/// Detects LXD, installed as a snap (the upstream way) or as a distribution package.
public struct LXDProbe: Sendable {
    let context: ProbeContext

    public init(context: ProbeContext) {
        self.context = context
    }

    static let snapDataDirectory = "/var/snap/lxd/common/lxd"
    static let packageDataDirectory = "/var/lib/lxd"

    public func detect() async -> LXDReport {
        let files = context.system.files
        let isSnap = await context.firstExisting(["/snap/bin/lxd", "/var/snap/lxd"]) != nil
        let package = await context.packages.firstInstalled(["lxd"])
        let binary = await context.firstExisting(["/usr/bin/lxd", "/usr/sbin/lxd"])
        let installMethod: String? = isSnap ? "snap" : (package != nil || binary != nil ? "package" : nil)
        let dataDirectory = isSnap ? Self.snapDataDirectory : Self.packageDataDirectory
        let service = await ServiceProbe(system: context.system).status(of: .lxd)
        let databasePresent = await files.exists("\(dataDirectory)/database")
        let pools = await files.listDirectory("\(dataDirectory)/storage-pools")
        let snapAvailable = await files.exists("/usr/bin/snap")
        var version = package?.version
        if version == nil, isSnap {
            version = Self.snapVersion(await files.readFile("/snap/lxd/current/meta/snap.yaml"))
        }
        // LXD containers need only the Linux kernel's namespaces and cgroups.
        let hasCgroups = await files.exists("/sys/fs/cgroup")
        var report = LXDReport(
            available: context.isLinux && hasCgroups,
            installed: installMethod != nil,
            enabled: service.enabled,
            running: service.running,
            initialized: service.running && databasePresent && !pools.isEmpty,
            // Not every distribution packages LXD; snapd or Alpine's package can install it.
            canAutoInstall: context.canEscalate && (snapAvailable || context.distribution.packageManager == .apk),
            installMethod: installMethod,
            version: version,
            databasePresent: databasePresent,
            storagePools: pools,
            services: [service],
            blockers: []
        )
        report.blockers = blockers(for: report, snapAvailable: snapAvailable)
        return report
    }

    static func snapVersion(_ yaml: String?) -> String? {
        guard let yaml else { return nil }
        for line in yaml.split(separator: "\n") where line.hasPrefix("version:") {
            let value = line.dropFirst("version:".count).trimmingWhitespace
            return value.trimmingQuotes
        }
        return nil
    }

    func blockers(for report: LXDReport, snapAvailable: Bool) -> [Blocker] {
        var result: [Blocker] = []
        let manager = context.distribution.serviceManager
        let isSnap = report.installMethod == "snap"
        if !report.available {
            result.append(Blocker(rung: .available, problem: LocalizedMessage("detect.lxd.noCgroup"),
                                  next: LocalizedMessage("detect.lxd.noCgroupNext")))
        }
        if !report.installed {
            let problem = LocalizedMessage("detect.lxd.notInstalled")
            if context.distribution.packageManager == .apk {
                result.append(Blocker(rung: .installed, problem: problem, command: "apk add lxd"))
            } else if snapAvailable {
                result.append(Blocker(rung: .installed, problem: problem, command: "snap install lxd"))
            } else {
                result.append(Blocker(rung: .installed, problem: problem, next: LocalizedMessage("detect.lxd.installSnapd")))
            }
        }
        if !report.enabled {
            let problem = LocalizedMessage("detect.lxd.notEnabled")
            switch (isSnap, manager) {
            case (true, _): result.append(Blocker(rung: .enabled, problem: problem, command: "snap start --enable lxd"))
            case (false, .none): result.append(Blocker(rung: .enabled, problem: problem, next: LocalizedMessage("detect.lxd.startByHand")))
            default:
                result.append(Blocker(rung: .enabled, problem: problem,
                                      command: ServiceCommands.enable("lxd", with: manager).map(\.rendered).joined(separator: " && ")))
            }
        }
        if !report.running {
            let command = isSnap ? "snap start lxd"
                : (ServiceCommands.start("lxd", with: manager)?.rendered ?? "lxd --group lxd &")
            result.append(Blocker(rung: .running, problem: LocalizedMessage("detect.lxd.notRunning"), command: command))
        }
        if !report.initialized {
            let problem = report.databasePresent && report.storagePools.isEmpty
                ? LocalizedMessage("detect.lxd.noPool") : LocalizedMessage("detect.lxd.notInitialised")
            result.append(Blocker(rung: .initialized, problem: problem, command: "lxd init --auto"))
        }
        return result
    }
}
