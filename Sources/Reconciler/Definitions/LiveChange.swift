/// The changes a running guest takes without a restart, applied to it and to its persistent
/// definition at once (`VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG`).
public struct LiveChange: Sendable, Hashable, Codable {
    public var name: String
    /// The domain the plan was made for; refused if another domain took its name since.
    public var uuid: String?
    /// The balloon target, within the guest's maximum memory.
    public var memoryKiB: UInt64?
    /// vCPUs online, within the guest's maximum.
    public var vcpus: Int?
    /// Disks hotplugged to the guest.
    public var attachDisks: [DomainDefinition.Disk] = []
    /// NICs hotplugged to the guest.
    public var attachInterfaces: [DomainDefinition.Interface] = []
    /// A new medium in the guest's existing CD-ROM (`virDomainUpdateDeviceFlags`), live and in its definition.
    public var changeMedia: DomainDefinition.CDROM?

    public init(name: String, uuid: String?) {
        self.name = name
        self.uuid = uuid
    }

    public var isEmpty: Bool { memoryKiB == nil && vcpus == nil && attachDisks.isEmpty && attachInterfaces.isEmpty && changeMedia == nil }
}
