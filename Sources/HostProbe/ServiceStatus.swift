/// Whether a daemon is set to start at boot and whether it answers now.
public struct ServiceStatus: Sendable, Codable, Equatable {
    public var name: String
    public var enabled: Bool
    /// The files that enable it (systemd wants links, OpenRC runlevel entries).
    public var enabledBy: [String]
    public var running: Bool
    /// What showed it running: a socket that accepted a connection, or a live pid.
    public var runningEvidence: String?

    public init(name: String, enabled: Bool, enabledBy: [String], running: Bool, runningEvidence: String?) {
        self.name = name
        self.enabled = enabled
        self.enabledBy = enabledBy
        self.running = running
        self.runningEvidence = runningEvidence
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(enabled, forKey: .enabled)
        try container.encode(enabledBy, forKey: .enabledBy)
        try container.encode(running, forKey: .running)
        try container.encode(runningEvidence, forKey: .runningEvidence)
    }
}
