/// One guest (libvirt domain) on a host, or one the manifests declare that is not there yet.
public struct GuestStatus: Sendable, Hashable, Codable {
    public var name: String
    /// The domain type libvirt runs it with (kvm, qemu, test); nil when it does not exist.
    public var type: String?
    /// The Distribution its disk is built `from:`, when a manifest says.
    public var distribution: String?
    /// running, paused, shutoff or other; "absent" when the manifests declare it but the host lacks it.
    public var state: String
    /// The addresses libvirt reports (DHCP lease, guest agent, ARP), newest first, with their source.
    public var addresses: [Address]
    /// Whether reconcile's metadata on the domain says the agent was installed and active.
    public var agent: AgentState
    public var drift: Drift
    /// reconcile's ownership metadata is recorded on this very domain.
    public var managed: Bool
    public var autostart: Bool?
    /// Seconds since the guest started, when libvirt can tell; nil otherwise.
    public var uptimeSeconds: Int?
    /// The planner's words for a conflict or a change, shown beside the drift.
    public var reason: String?
    /// The running guest's definition holds changes it gets at its next boot; nil when none.
    public var restartPending: Bool?

    public struct Address: Sendable, Hashable, Codable {
        public var address: String
        /// lease, agent or arp.
        public var source: String

        public init(address: String, source: String) {
            self.address = address
            self.source = source
        }
    }

    public enum AgentState: String, Sendable, Hashable, Codable {
        /// reconcile recorded the installed, active agent in the domain's metadata.
        case active
        /// A manifest declares an agent, and none is recorded yet.
        case pending
        /// No agent is declared or recorded.
        case none
    }

    public init(name: String, type: String?, distribution: String?, state: String, addresses: [Address] = [],
                agent: AgentState, drift: Drift, managed: Bool, autostart: Bool?, uptimeSeconds: Int? = nil,
                reason: String? = nil) {
        self.name = name
        self.type = type
        self.distribution = distribution
        self.state = state
        self.addresses = addresses
        self.agent = agent
        self.drift = drift
        self.managed = managed
        self.autostart = autostart
        self.uptimeSeconds = uptimeSeconds
        self.reason = reason
    }
}
