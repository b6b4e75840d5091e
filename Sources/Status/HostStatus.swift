import HostCommands
import Localization

/// One Hypervisor: the cards of its machine and the table of its guests.
public struct HostStatus: Sendable, Hashable, Codable {
    /// The Hypervisor's `metadata.name` (`local` when no manifest declares one).
    public var name: String
    public var uri: String
    /// KVM/QEMU, LXD and VirtualBox, as `reconcile detect` sees the machine; empty when it was not probed.
    public var hypervisors: [HypervisorCard]
    /// Why there are no cards (a remote URI without `spec.ssh`, an SSH failure), when there are none.
    public var cardsNote: String?
    /// What made the note, for text and pages in the reader's language (not in JSON, which has
    /// `cardsNote` in English).
    public var cardsNoteCause: (any LocalizedDescription & Sendable)?
    /// The same for `error`.
    public var errorCause: (any LocalizedDescription & Sendable)?
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

    enum CodingKeys: String, CodingKey {
        case name, uri, hypervisors, cardsNote, guests, error
    }

    /// Equal when the JSON is: a status read back from JSON has lost its messages only.
    public static func == (lhs: HostStatus, rhs: HostStatus) -> Bool {
        lhs.name == rhs.name && lhs.uri == rhs.uri && lhs.hypervisors == rhs.hypervisors && lhs.cardsNote == rhs.cardsNote
            && lhs.guests == rhs.guests && lhs.error == rhs.error
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(uri)
        hasher.combine(hypervisors)
        hasher.combine(cardsNote)
        hasher.combine(guests)
        hasher.combine(error)
    }

    /// The note in the localizer's language when reconcile worded it, else as it came.
    public func cardsNote(_ localizer: Localizer) -> String? {
        cardsNoteCause.map { $0.description(localizer) } ?? cardsNote
    }

    /// The error in the localizer's language when reconcile worded it, else as it came.
    public func error(_ localizer: Localizer) -> String? {
        errorCause.map { $0.description(localizer) } ?? error
    }
}
