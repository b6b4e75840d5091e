import HostCommands

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
            return Blocker(rung: .available, problem: "/dev/kvm is present but unusable: \(reason)",
                           next: "check dmesg for KVM errors and that the kvm modules match the running kernel")
        }
        if case .answered = device {
            return Blocker(rung: .available, problem: "/dev/kvm answered with \(report.deviceStatus)",
                           next: "use a kernel whose KVM API version is \(KVMProbe.expectedAPIVersion)")
        }
        if report.cpuSupported {
            let module = context.cpuFlags.hasVMX ? "kvm_intel" : "kvm_amd"
            return Blocker(rung: .available, problem: "/dev/kvm is missing although the CPU supports virtualisation",
                           next: "load the KVM module: modprobe \(module)")
        }
        if report.isGuest {
            let outer = report.guestPlatform.map { " (\($0))" } ?? ""
            return Blocker(rung: .available,
                           problem: "this host is a virtual machine\(outer) and its CPU exposes neither vmx nor svm",
                           next: "enable nested virtualisation on the outer host (kvm_intel/kvm_amd nested=1, CPU mode host-passthrough)")
        }
        return Blocker(rung: .available, problem: "the CPU reports neither vmx (Intel VT-x) nor svm (AMD-V)",
                       next: "enable Intel VT-x / AMD-V in the firmware (BIOS/UEFI) setup")
    }

    func accessBlocker(_ report: KVMReport) -> Blocker? {
        guard device == .permissionDenied else { return nil }
        return Blocker(rung: .deviceAccess, problem: "permission denied on /dev/kvm",
                       next: "add the user to the kvm group (usermod -aG kvm USER) and log in again")
    }

    func installBlocker(_ report: KVMReport) -> Blocker {
        let missing = [report.qemuInstalled ? nil : "QEMU", report.libvirtInstalled ? nil : "libvirt"].compactMap { $0 }
        let problem = "\(missing.joined(separator: " and ")) not installed"
        guard let plan = BootstrapPlan.kvm(for: context.distribution), let install = plan.commands.first else {
            return Blocker(rung: .installed, problem: problem,
                           next: "install QEMU and libvirt with the distribution's package manager")
        }
        return Blocker(rung: .installed, problem: problem, next: install.rendered)
    }

    func enableBlocker() -> Blocker {
        let commands = ServiceCommands.enable(libvirtService, with: serviceManager)
        guard !commands.isEmpty else {
            return Blocker(rung: .enabled, problem: "no service manager runs on this host, so nothing starts \(libvirtService) at boot",
                           next: "start it by hand after each boot (\(manualStartText))")
        }
        return Blocker(rung: .enabled, problem: "\(libvirtService) is not enabled",
                       next: commands.map(\.rendered).joined(separator: " && "))
    }

    func runBlocker() -> Blocker {
        Blocker(rung: .running, problem: "\(libvirtService) is not running",
                next: "start \(libvirtService) (\(startText))")
    }

    var startText: String {
        switch serviceManager {
        case .none: "\(manualStartText) without an init system"
        default: ServiceCommands.start(libvirtService, with: serviceManager)?.rendered ?? manualStartText
        }
    }

    var manualStartText: String {
        ServiceCommands.start(libvirtService, with: .none)?.rendered ?? "run \(libvirtService) in the background"
    }

    func initializationBlockers(_ report: KVMReport) -> [Blocker] {
        guard !report.initialized else { return [] }
        var result: [Blocker] = []
        if !report.running {
            result.append(Blocker(rung: .initialized, problem: "libvirt does not answer, so no guest can be created",
                                  next: "start \(libvirtService) first"))
        }
        if report.networks.isEmpty {
            result.append(Blocker(rung: .initialized, problem: "no libvirt network is defined",
                                  next: "virsh net-define /usr/share/libvirt/networks/default.xml && virsh net-start default && virsh net-autostart default"))
        }
        if report.storagePools.isEmpty {
            result.append(Blocker(rung: .initialized, problem: "no libvirt storage pool is defined",
                                  next: "virsh pool-define-as default dir --target /var/lib/libvirt/images && virsh pool-start default && virsh pool-autostart default"))
        }
        return result
    }
}
