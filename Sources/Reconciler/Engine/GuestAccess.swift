/// Reaches a guest over SSH with reconcile's own key, trusting only the host key reconcile
/// generated for that guest and passed in its seed (never trust on first use).
public protocol GuestAccess: Sendable {
    /// Tries each address until an SSH handshake with the pinned key succeeds; returns that address.
    /// A host-key mismatch means a stale lease pointing at another guest: that address is skipped.
    func waitForSSH(guest: String, user: String, addresses: [String], timeout: Duration) async throws -> String
    /// Installs, configures, enables and checks the agent; returns a short summary for the progress line.
    func installAgent(_ request: AgentInstallRequest, guest: String, user: String, address: String) async throws -> String
}
