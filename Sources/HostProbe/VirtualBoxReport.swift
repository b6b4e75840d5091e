/// Everything detected about VirtualBox on the host.
public struct VirtualBoxReport: Sendable, Codable, Equatable {
    public var available: Bool
    public var installed: Bool
    public var enabled: Bool
    public var running: Bool
    public var initialized: Bool
    public var canAutoInstall: Bool
    public var version: String?
    /// The vboxdrv kernel module is what "running" means for VirtualBox.
    public var moduleLoaded: Bool
    public var devicePresent: Bool
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
        try c.encode(version, forKey: .version)
        try c.encode(moduleLoaded, forKey: .moduleLoaded)
        try c.encode(devicePresent, forKey: .devicePresent)
        try c.encode(services, forKey: .services)
        try c.encode(blockers, forKey: .blockers)
    }
}
