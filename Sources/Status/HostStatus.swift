/// One Hypervisor: the cards of its machine and the table of its guests.
public struct HostStatus: Sendable, Hashable, Codable {
    /// The Hypervisor's `metadata.name` (`local` when no manifest declares one).
    public var name: String
    public var uri: String
    /// KVM/QEMU, LXD and VirtualBox, as `reconcile detect` sees the machine; empty when it was not probed.
    public var hypervisors: [HypervisorCard]
    /// Why there are no cards (a remote URI without `spec.ssh`, an SSH failure), when there are none.
    public var cardsNote: String?
    public var guests: [GuestStatus]
    /// Why the guests could not be read (libvirt did not answer), when they could not.
    public var error: String?

    public init(name: String, uri: String, hypervisors: [HypervisorCard] = [], cardsNote: String? = nil,
                guests: [GuestStatus] = [], error: String? = nil) {
        self.name = name
        self.uri = uri
        self.hypervisors = hypervisors
        self.cardsNote = cardsNote
        self.guests = guests
        self.error = error
    }
}
