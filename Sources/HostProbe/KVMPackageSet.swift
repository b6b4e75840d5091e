/// The packages that turn a distribution into a KVM/libvirt host (with OVMF for UEFI guests and
/// swtpm for their TPM), and the libvirt daemon it should run. Pure data, so bootstrap plans are testable.
public enum KVMPackageSet {
    /// Packages for the distribution, or nil when reconcile has no set for it.
    public static func packages(for distribution: Distribution) -> [String]? {
        let family = [distribution.id] + distribution.idLike
        if family.contains("ubuntu") || family.contains("debian") {
            // Debian 12 dropped the qemu-kvm transitional package.
            let qemu = distribution.id == "debian" && (majorVersion(distribution.version) ?? 0) >= 12
                ? "qemu-system-x86" : "qemu-kvm"
            return [qemu, "libvirt-daemon-system", "libvirt-clients", "virtinst", "bridge-utils", "genisoimage",
                    "ovmf", "swtpm", "swtpm-tools"]
        }
        if distribution.id == "fedora" {
            return ["@virtualization", "edk2-ovmf", "swtpm", "swtpm-tools"]
        }
        if family.contains(where: { ["rhel", "centos", "almalinux", "rocky"].contains($0) }) {
            return ["qemu-kvm", "libvirt", "virt-install", "edk2-ovmf", "swtpm", "swtpm-tools"]
        }
        if distribution.id == "alpine" {
            return ["qemu", "qemu-system-x86_64", "libvirt", "libvirt-daemon", "ovmf", "swtpm"]
        }
        if family.contains(where: { $0.hasPrefix("opensuse") || $0 == "suse" || $0 == "sles" }) {
            return ["patterns-server-kvm_server", "patterns-server-kvm_tools", "qemu-ovmf-x86_64", "swtpm"]
        }
        return nil
    }

    /// The libvirt daemon to enable: Fedora and the RHEL family default to the
    /// modular virtqemud; the others ship the monolithic libvirtd.
    public static func libvirtService(for distribution: Distribution) -> ServiceDefinition {
        distribution.packageManager == .dnf ? .virtqemud : .libvirtd
    }

    static func majorVersion(_ version: String?) -> Int? {
        guard let version else { return nil }
        return Int(version.split(separator: ".").first ?? "")
    }
}
