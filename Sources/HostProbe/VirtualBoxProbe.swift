import HostCommands
import Localization

/// Detects VirtualBox: binaries or package, the vboxdrv kernel module and its device.
public struct VirtualBoxProbe: Sendable {
    let context: ProbeContext

    public init(context: ProbeContext) {
        self.context = context
    }

    static let packages = ["virtualbox", "virtualbox-7.1", "virtualbox-7.0", "VirtualBox-7.1", "VirtualBox-7.0"]

    public func detect() async -> VirtualBoxReport {
        let files = context.system.files
        let package = await context.packages.firstInstalled(Self.packages)
        let binary = await context.firstExisting(["/usr/bin/VBoxManage", "/usr/lib/virtualbox"])
        var service = await ServiceProbe(system: context.system).status(of: .vboxdrv)
        let moduleLoaded = context.modules.contains("vboxdrv")
        // vboxdrv is a one-shot service that loads the module: loaded means it ran.
        service.running = moduleLoaded
        service.runningEvidence = moduleLoaded ? "kernel module vboxdrv is loaded" : nil
        let devicePresent = await files.exists("/dev/vboxdrv")
        var version = package?.version
        if version == nil, binary != nil, let output = await context.system.commands.probe(["VBoxManage", "--version"]),
           output.succeeded {
            version = output.standardOutput.split(separator: "\n").last.map { $0.trimmingWhitespace }
        }
        let userMayUse = context.user.isRoot || context.user.groups.contains("vboxusers")
        var report = VirtualBoxReport(
            // VirtualBox 6.1+ requires VT-x/AMD-V.
            available: context.isLinux && context.cpuFlags.hasHardwareVirtualization,
            installed: package != nil || binary != nil,
            enabled: service.enabled,
            running: moduleLoaded,
            initialized: moduleLoaded && devicePresent && userMayUse,
            // Not in the default repositories of any distribution reconcile supports.
            canAutoInstall: false,
            version: version,
            moduleLoaded: moduleLoaded,
            devicePresent: devicePresent,
            services: [service],
            blockers: []
        )
        report.blockers = blockers(for: report, userMayUse: userMayUse)
        return report
    }

    func blockers(for report: VirtualBoxReport, userMayUse: Bool) -> [Blocker] {
        var result: [Blocker] = []
        let manager = context.distribution.serviceManager
        if !report.available {
            result.append(Blocker(rung: .available, problem: LocalizedMessage("detect.virtualbox.noVtx"),
                                  next: LocalizedMessage("detect.virtualbox.noVtxNext")))
        }
        if !report.installed {
            result.append(Blocker(rung: .installed, problem: LocalizedMessage("detect.virtualbox.notInstalled"),
                                  next: LocalizedMessage("detect.virtualbox.installNext")))
        }
        if !report.enabled {
            let commands = ServiceCommands.enable("vboxdrv", with: manager)
            let problem = LocalizedMessage("detect.virtualbox.notEnabled")
            result.append(commands.isEmpty
                ? Blocker(rung: .enabled, problem: problem, next: LocalizedMessage("detect.virtualbox.loadByHand"))
                : Blocker(rung: .enabled, problem: problem, command: commands.map(\.rendered).joined(separator: " && ")))
        }
        if !report.running {
            result.append(Blocker(rung: .running, problem: LocalizedMessage("detect.virtualbox.notLoaded"),
                                  next: LocalizedMessage("detect.virtualbox.notLoadedNext")))
        }
        if !report.initialized {
            if !report.running {
                result.append(Blocker(rung: .initialized, problem: LocalizedMessage("detect.virtualbox.needsModule"),
                                      next: LocalizedMessage("detect.virtualbox.needsModuleNext")))
            } else if !report.devicePresent {
                result.append(Blocker(rung: .initialized, problem: LocalizedMessage("detect.virtualbox.noDevice"),
                                      command: "/sbin/vboxconfig"))
            } else if !userMayUse {
                result.append(Blocker(rung: .initialized, problem: LocalizedMessage("detect.virtualbox.notInGroup"),
                                      next: LocalizedMessage("detect.virtualbox.notInGroupNext")))
            }
        }
        return result
    }
}
