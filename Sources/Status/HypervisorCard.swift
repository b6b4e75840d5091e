import Localization

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
    /// The first blocker's explanation from detection, when a rung is missing, in English (JSON).
    public var detail: String?
    /// The same blocker's problem and next step as messages, for pages in the reader's language. Not in
    /// JSON, which carries `detail`.
    public var blocker: (problem: LocalizedMessage, next: LocalizedMessage)? {
        guard let problem = blockerProblem, let next = blockerNext else { return nil }
        return (problem, next)
    }
    var blockerProblem: LocalizedMessage?
    var blockerNext: LocalizedMessage?

    enum CodingKeys: String, CodingKey {
        case title, rungs, next, detail
    }

    /// Equal when the JSON is: a card read back from JSON has lost its messages only.
    public static func == (lhs: HypervisorCard, rhs: HypervisorCard) -> Bool {
        lhs.title == rhs.title && lhs.rungs == rhs.rungs && lhs.next == rhs.next && lhs.detail == rhs.detail
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(rungs)
        hasher.combine(next)
        hasher.combine(detail)
    }

    public init(title: String, rungs: [Rung], next: NextAction?, detail: String?) {
        self.title = title
        self.rungs = rungs
        self.next = next
        self.detail = detail
    }
}
