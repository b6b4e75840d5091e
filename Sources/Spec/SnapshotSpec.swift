/// A named snapshot a VM should have (`spec.snapshots[]`); reconcile creates it once and never rewrites it.
public struct SnapshotSpec: Sendable, Hashable, Codable {
    public var name: String
    public var description: String?
    /// Also save the running guest's memory (BIOS guests only: UEFI guests get disk-only snapshots).
    public var memory: Bool
    public var location: SourceLocation

    public init(name: String, description: String? = nil, memory: Bool = false, location: SourceLocation) {
        self.name = name
        self.description = description
        self.memory = memory
        self.location = location
    }
}
