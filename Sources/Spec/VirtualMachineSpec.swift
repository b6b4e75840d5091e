/// A guest (`kind: VirtualMachine`).
public struct VirtualMachineSpec: Sendable, Hashable, Codable {
    public var metadata: ResourceMetadata
    public var hypervisor: String
    public var cpus: Int
    public var memory: ByteSize
    public var disks: [DiskSpec]
    public var networks: [NetworkAttachment]
    public var state: VMState
    public var autostart: Bool
    public var console: ConsoleSpec
    /// nil means the hypervisor's setting.
    public var domainType: DomainType?

    public var name: String { metadata.name }

    public init(
        metadata: ResourceMetadata, hypervisor: String, cpus: Int = 1, memory: ByteSize = ByteSize(bytes: 1 << 30),
        disks: [DiskSpec] = [], networks: [NetworkAttachment] = [], state: VMState = .running,
        autostart: Bool = false, console: ConsoleSpec = ConsoleSpec(), domainType: DomainType? = nil
    ) {
        self.metadata = metadata
        self.hypervisor = hypervisor
        self.cpus = cpus
        self.memory = memory
        self.disks = disks
        self.networks = networks
        self.state = state
        self.autostart = autostart
        self.console = console
        self.domainType = domainType
    }
}
