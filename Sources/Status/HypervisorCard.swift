/// One hypervisor kind on a host, as a card: the readiness ladder and what to do next.
public struct HypervisorCard: Sendable, Hashable, Codable {
    public struct Rung: Sendable, Hashable, Codable {
        /// available, installed, enabled, running or initialized.
        public var name: String
        public var reached: Bool

        public init(name: String, reached: Bool) {
            self.name = name
            self.reached = reached
        }
    }

    /// "KVM/QEMU", "LXD" or "VirtualBox".
    public var title: String
    public var rungs: [Rung]
    /// nil when the machine cannot run this hypervisor at all (`available` is not reached).
    public var next: NextAction?
    /// The first blocker's explanation from detection, when a rung is missing.
    public var detail: String?

    public init(title: String, rungs: [Rung], next: NextAction?, detail: String?) {
        self.title = title
        self.rungs = rungs
        self.next = next
        self.detail = detail
    }
}
