import Spec

/// Installing and configuring the management agent in one guest.
public struct AgentInstallRequest: Sendable, Hashable, Codable {
    public var agent: AgentSpec
    /// The Distribution's `agentInstall` commands; empty when only the configuration changes.
    public var installCommands: [String]
    /// OpenRC guests (Alpine) have no systemctl.
    public var usesOpenRC: Bool
    /// Recorded in the domain's metadata once the agent is active, so a converged guest plans nothing.
    public var hash: String
    /// The domain's metadata to write once the agent is active (its `agent` field set to `hash`).
    public var ownership: Ownership

    public init(agent: AgentSpec, installCommands: [String], usesOpenRC: Bool, hash: String, ownership: Ownership) {
        self.agent = agent
        self.installCommands = installCommands
        self.usesOpenRC = usesOpenRC
        self.hash = hash
        self.ownership = ownership
    }
}
