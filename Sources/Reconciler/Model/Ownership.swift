/// What reconcile writes into an object's libvirt `<metadata>` so it can recognise its own objects
/// later without a state file.
public struct Ownership: Sendable, Hashable, Codable {
    /// The manifest's `metadata.name`.
    public var name: String
    /// SHA-256 of the desired definition at the last apply: tells a manifest change from drift.
    public var specHash: String
    /// Volumes this VM owns, and whether they go when the VM goes.
    public var volumes: [OwnedVolume]
    /// The digest of the cloud image the VM was built from; a newer image never changes it.
    public var baseImage: String?
    /// The digest of the cloud-init seed the VM first booted with.
    public var seed: String?
    /// The target of the CD-ROM reconcile attached for `spec.cdrom` (`hdd`, `sdy`): the only one it ever detaches.
    public var cdrom: String?
    /// The hash of the agent installation, written once the agent is active.
    public var agent: String?
    /// The UUID of the domain this record was written for: a copy of the domain (virt-clone) carries
    /// the original's, and is therefore not reconcile's. Not part of the spec hash.
    public var uuid: String?
    /// The git commit of the manifests (`apply --git`) when reconcile last wrote this object; records
    /// written without one, or before this field existed, have none. Not part of the spec hash.
    public var commit: String?
    /// Snapshots reconcile created on the domain: only these are ever deleted (with --prune).
    /// Written by the snapshot steps alone, never by a definition, so not part of the spec hash.
    public var snapshots: [String]?
    /// The disks and NICs reconcile attached; nil in records written before it was kept. Set after
    /// hashing (generated MACs are in it), so not part of the spec hash.
    public var devices: OwnedDevices?

    public init(name: String, specHash: String, volumes: [OwnedVolume] = [], baseImage: String? = nil,
                seed: String? = nil, agent: String? = nil, uuid: String? = nil, commit: String? = nil) {
        self.name = name
        self.specHash = specHash
        self.volumes = volumes
        self.baseImage = baseImage
        self.seed = seed
        self.agent = agent
        self.uuid = uuid
        self.commit = commit
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
