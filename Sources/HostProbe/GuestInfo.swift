/// Whether the probed host is itself a virtual machine, and on what.
public struct GuestInfo: Sendable, Equatable {
    public var isGuest: Bool
    /// DMI vendor/product when they name a known hypervisor.
    public var platform: String?

    public init(isGuest: Bool, platform: String?) {
        self.isGuest = isGuest
        self.platform = platform
    }

    static let knownPlatforms = ["QEMU", "KVM", "VMware", "VirtualBox", "innotek", "Xen", "Microsoft Corporation", "Amazon EC2", "Google Compute Engine", "Bochs", "Parallels"]

    public static func detect(cpuFlags: CPUFlags, files: any HostFileSource) async -> GuestInfo {
        let vendor = (await files.readFile("/sys/class/dmi/id/sys_vendor") ?? "").trimmingWhitespace
        let product = (await files.readFile("/sys/class/dmi/id/product_name") ?? "").trimmingWhitespace
        let named = [product, vendor].first { value in
            !value.isEmpty && knownPlatforms.contains { value.contains($0) }
        }
        return GuestInfo(isGuest: cpuFlags.runsUnderHypervisor || named != nil, platform: named)
    }
}
