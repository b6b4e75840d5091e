/// Renders a detection report as a human-readable card per hypervisor.
public struct DetectionTextRenderer: Sendable {
    public let style: TextStyle

    public init(style: TextStyle) {
        self.style = style
    }

    public func render(_ report: DetectionReport) -> String {
        var lines: [String] = []
        let distribution = report.distribution
        lines.append("Host       \(distribution.name ?? distribution.id) (\(report.platform))")
        lines.append("           id \(distribution.id) \(distribution.version ?? "?"), package manager \(distribution.packageManager?.rawValue ?? "unknown"), service manager \(distribution.serviceManager.rawValue)")
        lines.append("           probing as uid \(report.user.uid)\(report.user.groups.isEmpty ? "" : " (groups: \(report.user.groups.joined(separator: ", ")))")")
        lines.append("")
        lines += kvmCard(report.hypervisors.kvm)
        lines.append("")
        lines += ladderCard(title: "LXD", ladder: Ladder(report.hypervisors.lxd), details: lxdDetails(report.hypervisors.lxd))
        lines.append("")
        lines += ladderCard(title: "VirtualBox", ladder: Ladder(report.hypervisors.virtualbox),
                            details: virtualBoxDetails(report.hypervisors.virtualbox))
        lines.append("")
        lines.append("Default hypervisor: \(report.defaultHypervisor?.rawValue ?? "none")")
        lines.append("Roles: \(report.roles.isEmpty ? "none" : report.roles.map(\.rawValue).joined(separator: ", "))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The five rungs plus blockers, shared by every hypervisor's card.
    struct Ladder {
        var rungs: [(String, Bool)]
        var canAutoInstall: Bool
        var blockers: [Blocker]

        init(_ kvm: KVMReport) {
            rungs = [("available", kvm.available), ("installed", kvm.installed), ("enabled", kvm.enabled),
                     ("running", kvm.running), ("initialized", kvm.initialized)]
            canAutoInstall = kvm.canAutoInstall
            blockers = kvm.blockers
        }

        init(_ lxd: LXDReport) {
            rungs = [("available", lxd.available), ("installed", lxd.installed), ("enabled", lxd.enabled),
                     ("running", lxd.running), ("initialized", lxd.initialized)]
            canAutoInstall = lxd.canAutoInstall
            blockers = lxd.blockers
        }

        init(_ virtualbox: VirtualBoxReport) {
            rungs = [("available", virtualbox.available), ("installed", virtualbox.installed),
                     ("enabled", virtualbox.enabled), ("running", virtualbox.running),
                     ("initialized", virtualbox.initialized)]
            canAutoInstall = virtualbox.canAutoInstall
            blockers = virtualbox.blockers
        }
    }

    func ladderCard(title: String, ladder: Ladder, details: [String]) -> [String] {
        var header = style.paint(title.padding(to: 10), .bold) + " "
        header += ladder.rungs.map { style.mark($0.1, $0.0) }.joined(separator: "  ")
        if let first = ladder.blockers.first {
            header += "  \(style.arrow) next: \(first.next)"
        }
        var lines = [header]
        lines += details.map { "  " + $0 }
        lines.append("  can auto-install: \(ladder.canAutoInstall ? "yes" : "no")")
        if !ladder.blockers.isEmpty {
            lines.append("  blockers:")
            for blocker in ladder.blockers {
                lines.append("    " + style.paint("\(blocker.rung.rawValue): \(blocker.problem)", .yellow)
                             + " \(style.arrow) next: \(blocker.next)")
            }
        }
        return lines
    }

    func kvmCard(_ kvm: KVMReport) -> [String] {
        var details: [String] = []
        var device = "/dev/kvm: \(kvm.deviceStatus)"
        if let api = kvm.apiVersion { device += " (API \(api))" }
        details.append(device + ", " + style.mark(kvm.deviceAccessible, "accessible"))
        let flags = kvm.cpuFlags.isEmpty ? "none" : kvm.cpuFlags.joined(separator: " ")
        details.append("CPU: \(style.mark(kvm.cpuSupported, "vmx/svm")) (virtualisation flags: \(flags))")
        details.append("kernel: \(style.mark(kvm.kernelSupported, "kvm")) (modules: \(kvm.modules.isEmpty ? "none" : kvm.modules.joined(separator: ", ")))")
        let nested = kvm.nested.map { $0 ? "on" : "off" } ?? "unknown"
        let guest = kvm.isGuest ? "this host is a guest\(kvm.guestPlatform.map { " of \($0)" } ?? "")" : "bare metal"
        details.append("nested: \(nested); \(guest)")
        details.append("management: \(kvm.management?.rawValue ?? "none")")
        details.append("versions: libvirt \(kvm.versions.libvirt ?? "-"), qemu \(kvm.versions.qemu ?? "-")")
        details.append("networks: \(list(kvm.networks)); storage pools: \(list(kvm.storagePools))")
        details += kvm.services.map(serviceLine)
        return ladderCard(title: "KVM/QEMU", ladder: Ladder(kvm), details: details)
    }

    func lxdDetails(_ lxd: LXDReport) -> [String] {
        var details = ["install: \(lxd.installMethod ?? "none"), version \(lxd.version ?? "-")"]
        details.append("database: \(lxd.databasePresent ? "present" : "missing"); storage pools: \(list(lxd.storagePools))")
        details += lxd.services.map(serviceLine)
        return details
    }

    func virtualBoxDetails(_ virtualbox: VirtualBoxReport) -> [String] {
        var details = ["version \(virtualbox.version ?? "-")"]
        details.append("vboxdrv module: \(virtualbox.moduleLoaded ? "loaded" : "not loaded"); /dev/vboxdrv: \(virtualbox.devicePresent ? "present" : "missing")")
        details += virtualbox.services.map(serviceLine)
        return details
    }

    func serviceLine(_ service: ServiceStatus) -> String {
        let enabled = service.enabled ? "enabled (\(service.enabledBy.joined(separator: ", ")))" : "not enabled"
        let running = service.running ? "running (\(service.runningEvidence ?? ""))" : "not running"
        return "service \(service.name): \(enabled), \(running)"
    }

    func list(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.joined(separator: ", ")
    }
}
