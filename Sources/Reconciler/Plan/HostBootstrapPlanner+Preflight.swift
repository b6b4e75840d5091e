import Localization
import Spec

extension HostBootstrapPlanner {
    static let defaultPoolPath = "/var/lib/libvirt/images"

    var virtualMachines: [VirtualMachineSpec] { manifests.virtualMachines.filter { $0.hypervisor == name } }
    var pools: [StoragePoolSpec] { manifests.pools.filter { $0.hypervisor == name } }

    /// With `state: ready` an unreachable libvirt is expected before the daemon runs: planning goes
    /// on, and apply plans libvirt's objects in its next pass.
    mutating func planLibvirtReachability(willStart: Bool) {
        guard let error = observation.libvirtError else { return }
        // The error in the reader's language on a terminal, in English in JSON, like the message around it.
        if willStart {
            notice(LocalizedMessage("plan.notice.libvirtNotYet", ["uri": hypervisor.uri, "name": name], worded: ["error": error.texts]))
        } else {
            block(LocalizedMessage("plan.blocker.libvirtSilent", [
                      "service": facts.libvirtService, "name": name, "uri": hypervisor.uri,
                  ], worded: ["error": error.texts]),
                  hint: LocalizedMessage("plan.blocker.libvirtSilentHint", ["command": facts.daemonLogHint]))
        }
    }

    mutating func planPreflight() {
        planKVMDevice()
        planPoolAccess()
        planISOBuilder()
    }

    private mutating func planKVMDevice() {
        guard !facts.kvmDevice.isUsable else { return }
        let hypervisorWantsKVM = hypervisor.domainType == .kvm
        let vms = virtualMachines.filter { $0.domainType == .kvm }.map { "'\($0.name)'" }
        if !hypervisorWantsKVM && vms.isEmpty {
            if hypervisor.domainType == .auto {
                notice(LocalizedMessage("plan.notice.kvmFallback", ["name": name, "detail": facts.kvmDevice.description]))
            }
            return
        }
        let hint = switch facts.kvmDevice {
        case .permissionDenied: LocalizedMessage("plan.blocker.kvmPermissionHint")
        case .missing: LocalizedMessage("plan.blocker.kvmMissingHint")
        default: LocalizedMessage("plan.blocker.kvmCheckHint")
        }
        let arguments = ["name": name, "detail": facts.kvmDevice.description, "guests": vms.joined(separator: ", ")]
        let message = switch (hypervisorWantsKVM, vms.isEmpty) {
        case (true, true): LocalizedMessage("plan.blocker.kvmForHypervisor", arguments)
        case (true, false): LocalizedMessage("plan.blocker.kvmForHypervisorAndGuests", arguments)
        case (false, _): LocalizedMessage("plan.blocker.kvmForGuests", arguments)
        }
        block(message, hint: hint)
    }

    private mutating func planPoolAccess() {
        for (path, directory) in facts.untraversablePaths.sorted(by: { $0.key < $1.key }) {
            block(LocalizedMessage("plan.blocker.poolPath", ["path": path, "name": name, "directory": directory]),
                  hint: LocalizedMessage("plan.blocker.poolPathHint", ["directory": directory]))
        }
        guard let module = facts.enforcingSecurityModule else { return }
        for pool in pools where !Self.isInside(pool.path, Self.defaultPoolPath) {
            let hint = module == "SELinux"
                ? LocalizedMessage("plan.blocker.selinuxHint", ["path": pool.path])
                : LocalizedMessage("plan.blocker.apparmorHint", ["path": pool.path])
            block(LocalizedMessage("plan.blocker.confined", [
                      "module": module, "name": name, "pool": pool.name, "directory": Self.defaultPoolPath, "path": pool.path,
                  ]),
                  hint: hint)
        }
    }

    private mutating func planISOBuilder() {
        guard facts.isoBuilder == nil else { return }
        // The package set brings one along.
        if facts.missingPackages.contains(where: { $0 == "xorriso" || $0 == "genisoimage" }) { return }
        let seeded = virtualMachines.filter { $0.disks.contains { $0.from != nil } }.map(\.name)
        let install = facts.packageManager.map { LocalizedMessage("plan.blocker.isoInstallWith", ["manager": "\($0)"]) }
            ?? LocalizedMessage("plan.blocker.isoInstall")
        if seeded.isEmpty {
            notice(LocalizedMessage("plan.notice.noISOBuilder", ["name": name]))
        } else {
            block(LocalizedMessage("plan.blocker.noISOBuilder", ["name": name, "guests": seeded.joined(separator: ", ")]),
                  hint: install)
        }
    }

    static func isInside(_ path: String, _ directory: String) -> Bool {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed == directory || trimmed.hasPrefix(directory + "/")
    }
}
