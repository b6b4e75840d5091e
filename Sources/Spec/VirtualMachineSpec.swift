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
    public var cloudInit: CloudInitSpec?
    public var agent: AgentSpec?
    /// How long apply waits for the guest's address and SSH before failing.
    public var bootTimeout: Int
    /// Seconds a stop waits for the guest to power off after the ACPI request before forcing it off.
    public var stopTimeout: Int

    /// Snapshots the VM should have; reconcile creates, records and (with --prune) deletes only its own.
    public var snapshots: [SnapshotSpec] = []
    /// Chosen when the domain is defined; an existing domain keeps its firmware until --replace.
    public var firmware: Firmware = .bios
    /// UEFI Secure Boot with Microsoft's keys enrolled (firmware: uefi only).
    public var secureBoot = false
    /// An emulated TPM 2.0 (swtpm), for new domains.
    public var tpm = false
    /// The most memory a live change may raise `memory` to (balloon); nil means `memory`.
    public var maxMemory: ByteSize?
    /// The most vCPUs a live change may bring online; nil means `cpus`.
    public var maxCpus: Int?
    /// Whether a running guest is restarted for changes that take effect at its next boot.
    public var restartPolicy: RestartPolicy = .never
    /// A read-only CD-ROM from a pool volume or a downloaded ISO.
    public var cdrom: CDROMSpec?

    public static let defaultStopTimeout = 120

    public var name: String { metadata.name }

    public init(
        metadata: ResourceMetadata, hypervisor: String, cpus: Int = 1, memory: ByteSize = ByteSize(bytes: 1 << 30),
        disks: [DiskSpec] = [], networks: [NetworkAttachment] = [], state: VMState = .running,
        autostart: Bool = false, console: ConsoleSpec = ConsoleSpec(), domainType: DomainType? = nil,
        cloudInit: CloudInitSpec? = nil, agent: AgentSpec? = nil, bootTimeout: Int = 600,
        stopTimeout: Int = VirtualMachineSpec.defaultStopTimeout
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
        self.cloudInit = cloudInit
        self.agent = agent
        self.bootTimeout = bootTimeout
        self.stopTimeout = stopTimeout
    }

    /// The Distribution the first image-based disk boots, if any.
    public var bootDistribution: String? { disks.lazy.compactMap(\.from).first }
}
