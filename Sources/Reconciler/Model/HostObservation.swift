/// One `state: ready` host as observed in a pass: its facts, and whether libvirt answered.
public struct HostObservation: Sendable, Hashable, Codable {
    public var facts: HostFacts
    /// Why libvirt could not be reached, or nil when it answered.
    public var libvirtError: String?

    public init(facts: HostFacts, libvirtError: String? = nil) {
        self.facts = facts
        self.libvirtError = libvirtError
    }
}
