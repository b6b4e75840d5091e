/// A snapshot to create: everything the adapter needs, decided at plan time so the plan shows it.
public struct SnapshotDefinition: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Inside the qcow2 images (BIOS guests), with memory when the guest runs and it is asked for.
        case `internal`
        /// New overlay files on top of the disks (UEFI guests: libvirt refuses internal snapshots
        /// with pflash firmware); file systems are frozen through the guest agent when it answers.
        case externalDiskOnly = "external-disk-only"
    }

    public var domain: String
    public var name: String
    public var description: String?
    public var memory: Bool
    public var kind: Kind

    public init(domain: String, name: String, description: String? = nil, memory: Bool = false, kind: Kind) {
        self.domain = domain
        self.name = name
        self.description = description
        self.memory = memory
        self.kind = kind
    }
}
