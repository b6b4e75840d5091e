import Spec

extension HostBootstrapPlanner {
    static let defaultPoolPath = "/var/lib/libvirt/images"

    var virtualMachines: [VirtualMachineSpec] { manifests.virtualMachines.filter { $0.hypervisor == name } }
    var pools: [StoragePoolSpec] { manifests.pools.filter { $0.hypervisor == name } }

    /// With `state: ready` an unreachable libvirt is expected before the daemon runs: planning goes
    /// on, and apply plans libvirt's objects in its next pass.
    mutating func planLibvirtReachability(willStart: Bool) {
        guard let error = observation.libvirtError else { return }
        if willStart {
            notice("libvirt at \(hypervisor.uri) does not answer yet (\(error)); networks, pools and virtual machines on '\(name)' will be planned once the daemon answers, which apply does right after the host steps")
        } else {
            block("\(facts.libvirtService) runs on '\(name)' but libvirt at \(hypervisor.uri) does not answer: \(error)",
                  hint: "look at the daemon's messages: \(facts.daemonLogHint)")
        }
    }

    mutating func planPreflight() {
        planKVMDevice()
        planPoolAccess()
        planISOBuilder()
    }

    private mutating func planKVMDevice() {
        guard !facts.kvmDevice.isUsable else { return }
        let wantsKVM = hypervisor.domainType == .kvm ? ["the hypervisor"] : []
        let vms = virtualMachines.filter { $0.domainType == .kvm }.map { "virtual machine '\($0.name)'" }
        let demanding = wantsKVM + vms
        if demanding.isEmpty {
            if hypervisor.domainType == .auto {
                notice("/dev/kvm is not usable on '\(name)' (\(facts.kvmDevice.description)): with domainType auto, guests fall back to domain type qemu (software emulation, much slower)")
            }
            return
        }
        let hint: String = switch facts.kvmDevice {
        case .permissionDenied: "add the user to the kvm group (usermod -aG kvm USER, or list it in spec.users) and log in again"
        case .missing: "load the KVM module (modprobe kvm_intel or kvm_amd) and enable virtualisation in the firmware, or set domainType: auto or qemu"
        default: "check dmesg for KVM errors, or set domainType: auto or qemu"
        }
        block("/dev/kvm is not usable on '\(name)' (\(facts.kvmDevice.description)) but domainType is kvm for \(demanding.joined(separator: ", "))",
              hint: hint)
    }

    private mutating func planPoolAccess() {
        for (path, directory) in facts.untraversablePaths.sorted(by: { $0.key < $1.key }) {
            block("QEMU cannot reach the pool path \(path) on '\(name)': it may not enter \(directory)",
                  hint: "chmod o+x \(directory), or give the QEMU user access to it through a group")
        }
        guard let module = facts.enforcingSecurityModule else { return }
        for pool in pools where !Self.isInside(pool.path, Self.defaultPoolPath) {
            let hint = module == "SELinux"
                ? "label it for QEMU: semanage fcontext -a -t virt_image_t '\(pool.path)(/.*)?' && restorecon -R \(pool.path)"
                : "allow it in /etc/apparmor.d/local/abstractions/libvirt-qemu (\"\(pool.path)/** rwk,\") and reload AppArmor"
            block("\(module) confines QEMU on '\(name)', and storage pool '\(pool.name)' is outside \(Self.defaultPoolPath) (\(pool.path)): guests could not open its volumes",
                  hint: hint)
        }
    }

    private mutating func planISOBuilder() {
        guard facts.isoBuilder == nil else { return }
        // The package set brings one along.
        if facts.missingPackages.contains(where: { $0 == "xorriso" || $0 == "genisoimage" }) { return }
        let seeded = virtualMachines.filter { $0.disks.contains { $0.from != nil } }.map(\.name)
        let install = facts.packageManager.map { "install xorriso or genisoimage with \($0)" } ?? "install xorriso or genisoimage"
        if seeded.isEmpty {
            notice("no ISO builder (xorriso or genisoimage) on '\(name)': cloud-init seeds cannot be built there until one is installed")
        } else {
            block("no ISO builder (xorriso or genisoimage) on '\(name)', needed for the cloud-init seeds of \(seeded.joined(separator: ", "))",
                  hint: install)
        }
    }

    static func isInside(_ path: String, _ directory: String) -> Bool {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed == directory || trimmed.hasPrefix(directory + "/")
    }
}
