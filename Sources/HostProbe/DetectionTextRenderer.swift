import HostCommands
import Localization

/// Renders a detection report as a human-readable card per hypervisor, in the user's language.
/// Values from the machine (names, versions, commands) appear as they are.
public struct DetectionTextRenderer: Sendable {
    public let style: TextStyle
    public let localizer: Localizer

    public init(style: TextStyle, localizer: Localizer = .current) {
        self.style = style
        self.localizer = localizer
    }

    func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        localizer.text(key, arguments)
    }

    public func render(_ report: DetectionReport) -> String {
        var lines: [String] = []
        let distribution = report.distribution
        let label = text("detect.host")
        let indent = String(repeating: " ", count: max(label.count + 1, 11))
        lines.append(label.paddedToColumns(indent.terminalColumns) + "\(distribution.name ?? distribution.id) (\(report.platform))")
        lines.append(indent + text("detect.host.identity", [
            "id": distribution.id, "version": distribution.version ?? "?",
            "packageManager": distribution.packageManager?.rawValue ?? text("detect.unknown"),
            "serviceManager": distribution.serviceManager.rawValue,
        ]))
        let uid = "\(report.user.uid)"
        lines.append(indent + (report.user.groups.isEmpty
            ? text("detect.host.user", ["uid": uid])
            : text("detect.host.userGroups", ["uid": uid, "groups": report.user.groups.joined(separator: ", ")])))
        lines.append("")
        lines += kvmCard(report.hypervisors.kvm)
        lines.append("")
        lines += ladderCard(title: "LXD", ladder: Ladder(report.hypervisors.lxd), details: lxdDetails(report.hypervisors.lxd))
        lines.append("")
        lines += ladderCard(title: "VirtualBox", ladder: Ladder(report.hypervisors.virtualbox),
                            details: virtualBoxDetails(report.hypervisors.virtualbox))
        lines.append("")
        lines.append(text("detect.defaultHypervisor", ["hypervisor": report.defaultHypervisor?.rawValue ?? text("detect.none")]))
        lines.append(text("detect.roles", ["roles": list(report.roles.map(\.rawValue))]))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The five rungs plus blockers, shared by every hypervisor's card.
    struct Ladder {
        var rungs: [(LadderRung, Bool)]
        var canAutoInstall: Bool
        var blockers: [Blocker]

        init(_ kvm: KVMReport) {
            rungs = [(.available, kvm.available), (.installed, kvm.installed), (.enabled, kvm.enabled),
                     (.running, kvm.running), (.initialized, kvm.initialized)]
            canAutoInstall = kvm.canAutoInstall
            blockers = kvm.blockers
        }

        init(_ lxd: LXDReport) {
            rungs = [(.available, lxd.available), (.installed, lxd.installed), (.enabled, lxd.enabled),
                     (.running, lxd.running), (.initialized, lxd.initialized)]
            canAutoInstall = lxd.canAutoInstall
            blockers = lxd.blockers
        }

        init(_ virtualbox: VirtualBoxReport) {
            rungs = [(.available, virtualbox.available), (.installed, virtualbox.installed),
                     (.enabled, virtualbox.enabled), (.running, virtualbox.running),
                     (.initialized, virtualbox.initialized)]
            canAutoInstall = virtualbox.canAutoInstall
            blockers = virtualbox.blockers
        }
    }

    func rungName(_ rung: LadderRung) -> String {
        text("detect.rung.\(rung.rawValue)")
    }

    func ladderCard(title: String, ladder: Ladder, details: [String]) -> [String] {
        var header = style.paint(title.paddedToColumns(10), .bold) + " "
        header += ladder.rungs.map { mark($0.1, rungName($0.0)) }.joined(separator: "  ")
        if let first = ladder.blockers.first {
            header += "  \(style.arrow) " + text("detect.next", ["step": localizer.text(first.nextMessage)])
        }
        var lines = [header]
        lines += details.map { "  " + $0 }
        lines.append("  " + text("detect.canAutoInstall", ["answer": yesNo(ladder.canAutoInstall)]))
        if !ladder.blockers.isEmpty {
            lines.append("  " + text("detect.blockers"))
            for blocker in ladder.blockers {
                lines.append("    " + style.paint("\(rungName(blocker.rung)): \(localizer.text(blocker.problemMessage))", .yellow)
                             + " \(style.arrow) " + text("detect.next", ["step": localizer.text(blocker.nextMessage)]))
            }
        }
        return lines
    }

    func kvmCard(_ kvm: KVMReport) -> [String] {
        var details: [String] = []
        var device = "/dev/kvm: \(kvm.deviceStatus)"
        if let api = kvm.apiVersion { device += " (API \(api))" }
        details.append(device + ", " + mark(kvm.deviceAccessible, text("detect.kvm.accessible")))
        let flags = kvm.cpuFlags.isEmpty ? text("detect.none") : kvm.cpuFlags.joined(separator: " ")
        details.append(text("detect.kvm.cpu", ["mark": mark(kvm.cpuSupported, "vmx/svm"), "flags": flags]))
        details.append(text("detect.kvm.kernel", ["mark": mark(kvm.kernelSupported, "kvm"), "modules": list(kvm.modules)]))
        let nested = kvm.nested.map { $0 ? text("detect.on") : text("detect.off") } ?? text("detect.unknown")
        let guest = !kvm.isGuest ? text("detect.kvm.bareMetal")
            : kvm.guestPlatform.map { text("detect.kvm.guestOf", ["platform": $0]) } ?? text("detect.kvm.guest")
        details.append(text("detect.kvm.nested", ["nested": nested, "guest": guest]))
        details.append(text("detect.kvm.management", ["management": kvm.management?.rawValue ?? text("detect.none")]))
        details.append(text("detect.kvm.versions", ["libvirt": kvm.versions.libvirt ?? "-", "qemu": kvm.versions.qemu ?? "-"]))
        details.append(text("detect.kvm.networks", ["networks": list(kvm.networks), "pools": list(kvm.storagePools)]))
        details += kvm.services.map(serviceLine)
        return ladderCard(title: "KVM/QEMU", ladder: Ladder(kvm), details: details)
    }

    func lxdDetails(_ lxd: LXDReport) -> [String] {
        var details = [text("detect.lxd.install", ["method": lxd.installMethod ?? text("detect.none"), "version": lxd.version ?? "-"])]
        details.append(text("detect.lxd.database", [
            "database": lxd.databasePresent ? text("detect.present") : text("detect.missing"), "pools": list(lxd.storagePools),
        ]))
        details += lxd.services.map(serviceLine)
        return details
    }

    func virtualBoxDetails(_ virtualbox: VirtualBoxReport) -> [String] {
        var details = [text("detect.virtualbox.version", ["version": virtualbox.version ?? "-"])]
        details.append(text("detect.virtualbox.module", [
            "module": virtualbox.moduleLoaded ? text("detect.loaded") : text("detect.notLoaded"),
            "device": virtualbox.devicePresent ? text("detect.present") : text("detect.missing"),
        ]))
        details += virtualbox.services.map(serviceLine)
        return details
    }

    func serviceLine(_ service: ServiceStatus) -> String {
        let enabled = service.enabled
            ? text("detect.service.enabled", ["evidence": service.enabledBy.joined(separator: ", ")]) : text("detect.service.notEnabled")
        let running = service.running
            ? text("detect.service.running", ["evidence": service.runningEvidence ?? ""]) : text("detect.service.notRunning")
        return text("detect.service", ["name": service.name, "enabled": enabled, "running": running])
    }

    func mark(_ ok: Bool, _ label: String) -> String {
        style.mark(ok, label, yes: text("detect.yes"), no: text("detect.no"))
    }

    func yesNo(_ answer: Bool) -> String {
        answer ? text("detect.yes") : text("detect.no")
    }

    func list(_ names: [String]) -> String {
        names.isEmpty ? text("detect.none") : names.joined(separator: ", ")
    }
}
