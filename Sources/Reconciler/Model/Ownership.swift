/// What reconcile writes into an object's libvirt `<metadata>` so it can recognise its own objects
/// later without a state file.
public struct Ownership: Sendable, Hashable, Codable {
    /// The manifest's `metadata.name`.
    public var name: String
    /// SHA-256 of the desired definition at the last apply: tells a manifest change from drift.
    public var specHash: String
    /// Volumes this VM owns, and whether they go when the VM goes.
    public var volumes: [OwnedVolume]

    public init(name: String, specHash: String, volumes: [OwnedVolume] = []) {
        self.name = name
        self.specHash = specHash
        self.volumes = volumes
    }
}

public struct OwnedVolume: Sendable, Hashable, Codable {
    public var pool: String
    public var name: String
    public var deleteWithVM: Bool

    public init(pool: String, name: String, deleteWithVM: Bool) {
        self.pool = pool
        self.name = name
        self.deleteWithVM = deleteWithVM
    }
}
