import HostCommands

/// Detects KVM: /dev/kvm is the authority for "available"; CPU flags,
/// modules and nesting are reported beside it as separate facts.
public struct KVMProbe: Sendable {
    let context: ProbeContext

    public init(context: ProbeContext) {
        self.context = context
    }

    static let devicePath = "/dev/kvm"
    static let expectedAPIVersion = 12
    static let moduleNames = ["kvm", "kvm_intel", "kvm_amd", "kvm_pvm"]
    static let qemuPackages = ["qemu-system-x86", "qemu-kvm", "qemu-system-x86_64", "qemu-x86", "qemu-kvm-core"]
    static let qemuBinaries = ["/usr/bin/qemu-system-x86_64", "/usr/libexec/qemu-kvm", "/usr/bin/qemu-kvm"]
    static let libvirtPackages = ["libvirt-daemon", "libvirt-daemon-system", "libvirt-daemon-driver-qemu", "libvirt-daemon-qemu", "libvirt"]
    static let libvirtBinaries = ["/usr/sbin/libvirtd", "/usr/sbin/virtqemud"]
    static let networkDirectory = "/etc/libvirt/qemu/networks"
    static let storageDirectory = "/etc/libvirt/storage"

    public func detect() async -> KVMReport {
        let files = context.system.files
        let devicePresent = await files.exists(Self.devicePath)
        let device = devicePresent ? await context.system.devices.probeKVMDevice(at: Self.devicePath) : .missing
        let deviceAccessible: Bool
        switch device {
        case .answered(let version): deviceAccessible = version == nil || version == Self.expectedAPIVersion
        default: deviceAccessible = false
        }
        let modules = Self.moduleNames.filter(context.modules.contains)
        let qemuPackage = await context.packages.firstInstalled(Self.qemuPackages)
        let qemuBinary = await context.firstExisting(Self.qemuBinaries)
        let libvirtPackage = await context.packages.firstInstalled(Self.libvirtPackages)
        let libvirtBinary = await context.firstExisting(Self.libvirtBinaries)
        let serviceProbe = ServiceProbe(system: context.system)
        let services = await serviceProbe.statuses(of: [.libvirtd, .virtqemud])
        let running = services.contains { $0.running }
        let networks = await Self.definitionNames(in: Self.networkDirectory, files: files)
        let pools = await Self.definitionNames(in: Self.storageDirectory, files: files)

        var versions = KVMVersions(libvirt: libvirtPackage?.version, qemu: qemuPackage?.version)
        if versions.qemu == nil, qemuBinary != nil {
            versions.qemu = await Self.versionFromBinary(["qemu-system-x86_64", "--version"], transport: context.system.commands)
        }
        if versions.libvirt == nil, libvirtBinary != nil {
            versions.libvirt = await Self.versionFromBinary(["libvirtd", "--version"], transport: context.system.commands)
        }

        var report = KVMReport(
            available: deviceAccessible || device == .permissionDenied,
            installed: (qemuPackage != nil || qemuBinary != nil) && (libvirtPackage != nil || libvirtBinary != nil),
            enabled: services.contains { $0.enabled },
            running: running,
            initialized: running && !networks.isEmpty && !pools.isEmpty,
            canAutoInstall: context.canEscalate && context.distribution.packageManager != nil,
            cpuSupported: context.cpuFlags.hasHardwareVirtualization,
            cpuFlags: context.cpuFlags.virtualizationFlags,
            kernelSupported: !modules.isEmpty || devicePresent,
            modules: modules,
            devicePresent: devicePresent,
            deviceAccessible: deviceAccessible,
            deviceStatus: Self.describe(device),
            apiVersion: { if case .answered(let version) = device { return version } else { return nil } }(),
            nested: await Self.nestedParameter(files: files),
            isGuest: context.guest.isGuest,
            guestPlatform: context.guest.platform,
            management: running ? .libvirt : (qemuBinary != nil ? .qemu : nil),
            qemuInstalled: qemuPackage != nil || qemuBinary != nil,
            libvirtInstalled: libvirtPackage != nil || libvirtBinary != nil,
            versions: versions,
            networks: networks,
            storagePools: pools,
            services: services,
            blockers: []
        )
        report.blockers = KVMBlockers(context: context, device: device).blockers(for: report)
        return report
    }

    static func describe(_ device: KVMDeviceProbe) -> String {
        switch device {
        case .missing: "missing"
        case .permissionDenied: "permission denied"
        case .failed(let reason): reason
        case .answered(let version?) where version != expectedAPIVersion: "unexpected KVM API version \(version)"
        case .answered: "ok"
        }
    }

    /// Names of libvirt XML definitions (networks, pools) in a config directory.
    static func definitionNames(in directory: String, files: any HostFileSource) async -> [String] {
        await files.listDirectory(directory).filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }
    }

    /// The vendor module's `nested` parameter: "Y"/"1" on, "N"/"0" off.
    static func nestedParameter(files: any HostFileSource) async -> Bool? {
        for module in ["kvm_intel", "kvm_amd"] {
            guard let value = await files.readFile("/sys/module/\(module)/parameters/nested") else { continue }
            let flag = value.trimmingWhitespace
            return flag == "Y" || flag == "1"
        }
        return nil
    }

    /// The version from `--version` output: "QEMU emulator version 7.2.22 (...)"
    /// or "libvirtd (libvirt) 9.0.0": the first word after "version", else the last word of the first line.
    static func versionFromBinary(_ argv: [String], transport: any CommandTransport) async -> String? {
        guard let output = await transport.probe(argv), output.succeeded else { return nil }
        return parseVersion(output.standardOutput)
    }

    static func parseVersion(_ text: String) -> String? {
        guard let line = text.split(separator: "\n").first else { return nil }
        let words = line.split(separator: " ").map(String.init)
        if let index = words.firstIndex(of: "version"), index + 1 < words.count { return words[index + 1] }
        return words.last
    }
}
