/// One disk of an external snapshot, read from its XML: the file frozen when the snapshot was taken
/// (the disk's source in the snapshot's copy of the domain) and the overlay made then to take the
/// writes that came after it.
struct ExternalSnapshotDisk: Sendable, Equatable {
    /// The disk's target (`vda`), which names it in both the snapshot and the domain.
    var target: String
    var frozen: String
    var overlay: String?
}
