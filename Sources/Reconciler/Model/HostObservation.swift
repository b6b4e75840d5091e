/// One `state: ready` host as observed in a pass: its facts, and whether libvirt answered.
public struct HostObservation: Sendable, Hashable, Codable {
    public var facts: HostFacts
    /// Why libvirt could not be reached, or nil when it answered; worded in every language, since the
    /// plan shows it in the reader's.
    public var libvirtError: ErrorWording?

    public init(facts: HostFacts, libvirtError: ErrorWording? = nil) {
        self.facts = facts
        self.libvirtError = libvirtError
    }

    /// A reason that has no catalog entry (a fixture's, a test's): the same words in every language.
    public init(facts: HostFacts, libvirtError: String) {
        self.init(facts: facts, libvirtError: ErrorWording(.verbatim(libvirtError)))
    }
}
