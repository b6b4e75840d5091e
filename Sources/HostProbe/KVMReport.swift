/// Everything detected about KVM on the host: the readiness ladder and the
/// separate facts behind it.
public struct KVMReport: Sendable, Codable, Equatable {
    // The ladder.
    public var available: Bool
    public var installed: Bool
    public var enabled: Bool
    public var running: Bool
    public var initialized: Bool
    public var canAutoInstall: Bool
    // Facts, reported separately because they can disagree: a nested guest
    // may have a working /dev/kvm without vmx/svm in /proc/cpuinfo.
    public var cpuSupported: Bool
    public var cpuFlags: [String]
    public var kernelSupported: Bool
    public var modules: [String]
    public var devicePresent: Bool
    public var deviceAccessible: Bool
    /// "ok", "missing", "permission denied" or the error text.
    public var deviceStatus: String
    public var apiVersion: Int?
    /// The kvm_intel/kvm_amd `nested` parameter; nil when neither module is loaded.
    public var nested: Bool?
    public var isGuest: Bool
    public var guestPlatform: String?
    public var management: KVMManagement?
    public var qemuInstalled: Bool
    public var libvirtInstalled: Bool
    public var versions: KVMVersions
    public var networks: [String]
    public var storagePools: [String]
    public var services: [ServiceStatus]
    public var blockers: [Blocker]

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(available, forKey: .available)
        try c.encode(installed, forKey: .installed)
        try c.encode(enabled, forKey: .enabled)
        try c.encode(running, forKey: .running)
        try c.encode(initialized, forKey: .initialized)
        try c.encode(canAutoInstall, forKey: .canAutoInstall)
        try c.encode(cpuSupported, forKey: .cpuSupported)
        try c.encode(cpuFlags, forKey: .cpuFlags)
        try c.encode(kernelSupported, forKey: .kernelSupported)
        try c.encode(modules, forKey: .modules)
        try c.encode(devicePresent, forKey: .devicePresent)
        try c.encode(deviceAccessible, forKey: .deviceAccessible)
        try c.encode(deviceStatus, forKey: .deviceStatus)
        try c.encode(apiVersion, forKey: .apiVersion)
        try c.encode(nested, forKey: .nested)
        try c.encode(isGuest, forKey: .isGuest)
        try c.encode(guestPlatform, forKey: .guestPlatform)
        try c.encode(management, forKey: .management)
        try c.encode(qemuInstalled, forKey: .qemuInstalled)
        try c.encode(libvirtInstalled, forKey: .libvirtInstalled)
        try c.encode(versions, forKey: .versions)
        try c.encode(networks, forKey: .networks)
        try c.encode(storagePools, forKey: .storagePools)
        try c.encode(services, forKey: .services)
        try c.encode(blockers, forKey: .blockers)
    }
}
