import HostCommands

/// Facts every hypervisor probe needs, gathered once per detection.
public struct ProbeContext: Sendable {
    public var system: HostAccess
    public var platform: String
    public var distribution: Distribution
    public var user: UserIdentity
    public var packages: InstalledPackages
    public var cpuFlags: CPUFlags
    public var modules: KernelModules
    public var guest: GuestInfo
    /// Root, or passwordless sudo: we could install packages without asking.
    public var canEscalate: Bool

    static let moduleNames = ["kvm", "kvm_intel", "kvm_amd", "kvm_pvm", "vboxdrv"]

    public static func gather(system: HostAccess) async -> ProbeContext {
        let files = system.files
        let ostype = (await files.readFile("/proc/sys/kernel/ostype") ?? "").trimmingWhitespace
        let distribution = await Distribution.detect(files: files)
        let user = await system.devices.currentUser()
        let cpuFlags = CPUFlags(parsingCPUInfo: await files.readFile("/proc/cpuinfo") ?? "")
        var canEscalate = user.isRoot
        if !canEscalate, await files.exists("/usr/bin/sudo") {
            // -n: fail instead of prompting, so this never hangs.
            canEscalate = await system.commands.probe(["sudo", "-n", "true"])?.succeeded == true
        }
        return ProbeContext(
            system: system,
            platform: ostype.isEmpty ? "unknown" : ostype,
            distribution: distribution,
            user: user,
            packages: await InstalledPackages.load(for: distribution.packageManager, system: system),
            cpuFlags: cpuFlags,
            modules: await KernelModules.detect(names: moduleNames, files: files),
            guest: await GuestInfo.detect(cpuFlags: cpuFlags, files: files),
            canEscalate: canEscalate
        )
    }

    public var isLinux: Bool { platform == "Linux" }

    /// The first of `paths` that exists on the host.
    func firstExisting(_ paths: [String]) async -> String? {
        let found = await system.files.existing(among: paths)
        return paths.first(where: found.contains)
    }
}
