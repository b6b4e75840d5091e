import Localization

/// Reaches a guest over SSH with reconcile's own key, trusting only the host key reconcile
/// generated for that guest and passed in its seed (never trust on first use).
public protocol GuestAccess: Sendable {
    /// One SSH handshake with the guest's pinned host key at `address`.
    func probeSSH(guest: String, user: String, address: String) async -> SSHProbe
    /// Waits for cloud-init to finish; a module error is an error, with cloud-init's own report.
    /// Returns a short summary for the step's line, worded when shown (JSON keeps English).
    func waitForCloudInit(guest: String, user: String, address: String, timeout: Duration) async throws -> LocalizedMessage
    /// Installs, configures, enables and checks the agent; returns a short summary for the step's line.
    func installAgent(_ request: AgentInstallRequest, guest: String, user: String, address: String) async throws -> LocalizedMessage
}

/// What one SSH attempt saw.
public struct SSHProbe: Sendable, Hashable {
    public enum Outcome: String, Sendable {
        case connected
        /// Another machine answered at that address: typically a stale DHCP lease of an earlier guest.
        case wrongHostKey
        case unreachable
    }

    public var outcome: Outcome
    public var detail: String

    public init(_ outcome: Outcome, _ detail: String) {
        self.outcome = outcome
        self.detail = detail
    }
}
