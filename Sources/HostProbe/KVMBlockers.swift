import HostCommands
import Localization

/// Turns a KVM report's unreached rungs into problems with next steps.
struct KVMBlockers {
    let context: ProbeContext
    let device: KVMDeviceProbe

    var serviceManager: ServiceManager { context.distribution.serviceManager }
    var libvirtService: String { KVMPackageSet.libvirtService(for: context.distribution).name }

    func blockers(for report: KVMReport) -> [Blocker] {
        var result: [Blocker] = []
        if let availability = availabilityBlocker(report) { result.append(availability) }
        if let access = accessBlocker(report) { result.append(access) }
        if !report.installed { result.append(installBlocker(report)) }
        if !report.enabled { result.append(enableBlocker()) }
        if !report.running { result.append(runBlocker()) }
        result += initializationBlockers(report)
        return result
    }

    func availabilityBlocker(_ report: KVMReport) -> Blocker? {
        guard !report.available else { return nil }
        if case .failed(let reason) = device {
            return Blocker(rung: .available, problem: LocalizedMessage("detect.kvm.unusable", ["reason": reason]),
                           next: LocalizedMessage("detect.kvm.unusableNext"))
        }
        if case .answered = device {
            return Blocker(rung: .available, problem: LocalizedMessage("detect.kvm.answered", ["status": report.deviceStatus]),
                           next: LocalizedMessage("detect.kvm.answeredNext", ["version": "\(KVMProbe.expectedAPIVersion)"]))
        }
        if report.cpuSupported {
            let module = context.cpuFlags.hasVMX ? "kvm_intel" : "kvm_amd"
            return Blocker(rung: .available, problem: LocalizedMessage("detect.kvm.noDevice"),
                           next: LocalizedMessage("detect.kvm.noDeviceNext", ["module": module]))
        }
        if report.isGuest {
            let problem = report.guestPlatform.map { LocalizedMessage("detect.kvm.guestWithoutVmxOn", ["platform": $0]) }
                ?? LocalizedMessage("detect.kvm.guestWithoutVmx")
            return Blocker(rung: .available, problem: problem, next: LocalizedMessage("detect.kvm.guestWithoutVmxNext"))
        }
        return Blocker(rung: .available, problem: LocalizedMessage("detect.kvm.noVmx"),
                       next: LocalizedMessage("detect.kvm.noVmxNext"))
    }

    func accessBlocker(_ report: KVMReport) -> Blocker? {
        guard device == .permissionDenied else { return nil }
        return Blocker(rung: .deviceAccess, problem: LocalizedMessage("detect.kvm.permissionDenied"),
                       next: LocalizedMessage("detect.kvm.permissionDeniedNext"))
    }

    func installBlocker(_ report: KVMReport) -> Blocker {
        let problem = switch (report.qemuInstalled, report.libvirtInstalled) {
        case (false, false): LocalizedMessage("detect.kvm.qemuLibvirtMissing")
        case (false, true): LocalizedMessage("detect.kvm.qemuMissing")
        default: LocalizedMessage("detect.kvm.libvirtMissing")
        }
        guard let plan = BootstrapPlan.kvm(for: context.distribution), let install = plan.commands.first else {
            return Blocker(rung: .installed, problem: problem, next: LocalizedMessage("detect.kvm.installNext"))
        }
        return Blocker(rung: .installed, problem: problem, command: install.rendered)
    }

    func enableBlocker() -> Blocker {
        let commands = ServiceCommands.enable(libvirtService, with: serviceManager)
        guard !commands.isEmpty else {
            return Blocker(rung: .enabled, problem: LocalizedMessage("detect.noServiceManager", ["service": libvirtService]),
                           next: LocalizedMessage("detect.startByHand", ["command": manualStartText]))
        }
        return Blocker(rung: .enabled, problem: LocalizedMessage("detect.serviceNotEnabled", ["service": libvirtService]),
                       command: commands.map(\.rendered).joined(separator: " && "))
    }

    func runBlocker() -> Blocker {
        let command = switch serviceManager {
        case .none: LocalizedMessage("detect.kvm.startWithoutInit", ["service": libvirtService, "command": manualStartText])
        default: LocalizedMessage("detect.kvm.start", ["service": libvirtService, "command": startCommand ?? manualStartText])
        }
        return Blocker(rung: .running, problem: LocalizedMessage("detect.serviceNotRunning", ["service": libvirtService]),
                       next: command)
    }

    var startCommand: String? {
        ServiceCommands.start(libvirtService, with: serviceManager)?.rendered
    }

    var manualStartText: String {
        ServiceCommands.start(libvirtService, with: .none)?.rendered ?? "\(libvirtService) &"
    }

    func initializationBlockers(_ report: KVMReport) -> [Blocker] {
        guard !report.initialized else { return [] }
        var result: [Blocker] = []
        if !report.running {
            result.append(Blocker(rung: .initialized, problem: LocalizedMessage("detect.kvm.libvirtSilent"),
                                  next: LocalizedMessage("detect.kvm.startFirst", ["service": libvirtService])))
        }
        if report.networks.isEmpty {
            result.append(Blocker(rung: .initialized, problem: LocalizedMessage("detect.kvm.noNetwork"),
                                  command: "virsh net-define /usr/share/libvirt/networks/default.xml && virsh net-start default && virsh net-autostart default"))
        }
        if report.storagePools.isEmpty {
            result.append(Blocker(rung: .initialized, problem: LocalizedMessage("detect.kvm.noPool"),
                                  command: "virsh pool-define-as default dir --target /var/lib/libvirt/images && virsh pool-start default && virsh pool-autostart default"))
        }
        return result
    }
}
