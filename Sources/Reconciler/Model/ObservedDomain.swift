/// A libvirt domain as its persistent (inactive) definition and its current state describe it.
public struct ObservedDomain: Sendable, Hashable, Codable {
    public struct Disk: Sendable, Hashable, Codable {
        public var device: String
        public var source: String?
        public var target: String
        public var bus: String?
        public var format: String?
        public var readOnly: Bool
        /// The files under `source` when it is an overlay, nearest first (an external snapshot puts one on top).
        public var backingSources: [String] = []

        public init(device: String = "disk", source: String?, target: String, bus: String?, format: String?,
                    readOnly: Bool = false, backingSources: [String] = []) {
            self.backingSources = backingSources
            self.device = device
            self.source = source
            self.target = target
            self.bus = bus
            self.format = format
            self.readOnly = readOnly
        }
    }

    public struct Interface: Sendable, Hashable, Codable {
        /// `network`, `bridge` or `direct`.
        public var type: String
        /// The network name, bridge name or host device, by `type`.
        public var source: String?
        public var mac: String?
        public var model: String?

        public init(type: String, source: String?, mac: String?, model: String?) {
            self.type = type
            self.source = source
            self.mac = mac
            self.model = model
        }
    }

    public var name: String
    public var uuid: String?
    public var type: String
    public var vcpus: Int
    /// The maximum memory (`<memory>`).
    public var memoryKiB: UInt64
    /// `<currentMemory>` when it differs from the maximum (the balloon sits lower).
    public var currentMemoryKiB: UInt64?
    /// `<vcpu current=…>` when fewer vCPUs than the maximum (`vcpus`) are online at boot.
    public var currentVcpus: Int?
    public var disks: [Disk]
    public var interfaces: [Interface]
    public var vnc: Bool
    /// Whether the definition has the QEMU guest agent's virtio channel (`org.qemu.guest_agent.0`).
    public var guestAgentChannel: Bool
    public var kernel: String?
    public var initrd: String?
    public var cmdline: String?
    public var state: DomainRunState
    public var autostart: Bool
    public var persistent: Bool
    /// reconcile's ownership, when it was recorded for this very domain.
    public var ownership: Ownership?
    /// The UUID in reconcile's metadata when it names another domain: this one is a copy
    /// (virt-clone, a copied definition), not reconcile's, and is never managed or pruned unadopted.
    public var ownershipRecordedFor: String?
    /// Every snapshot libvirt holds for the domain, reconcile's or not, sorted by name.
    public var snapshots: [ObservedSnapshot] = []
    /// `efi` when the domain boots UEFI (`<os firmware='efi'>` or a pflash loader); nil for BIOS.
    public var firmware: String?
    public var secureBoot = false
    public var tpm = false
    /// The machine type (`pc-q35-7.2`, `pc-i440fx-7.2`), which decides a CD-ROM's bus.
    public var machine: String?
    /// `<on_reboot>`: `destroy` while an installer booted by direct kernel boot runs.
    public var onReboot: String?
    /// For a running guest: what it runs with now, when the driver tells it apart from the definition.
    public var running: RunningDefinition?

    public init(name: String, uuid: String? = nil, type: String, vcpus: Int, memoryKiB: UInt64, disks: [Disk] = [],
                interfaces: [Interface] = [], vnc: Bool = false, guestAgentChannel: Bool = true, kernel: String? = nil, initrd: String? = nil,
                cmdline: String? = nil, state: DomainRunState, autostart: Bool,
                persistent: Bool = true, ownership: Ownership? = nil) {
        self.name = name
        self.uuid = uuid
        self.type = type
        self.vcpus = vcpus
        self.memoryKiB = memoryKiB
        self.disks = disks
        self.interfaces = interfaces
        self.vnc = vnc
        self.guestAgentChannel = guestAgentChannel
        self.kernel = kernel
        self.initrd = initrd
        self.cmdline = cmdline
        self.state = state
        self.autostart = autostart
        self.persistent = persistent
        if let ownership, let recorded = ownership.uuid, let uuid, recorded.lowercased() != uuid.lowercased() {
            self.ownership = nil
            self.ownershipRecordedFor = recorded
        } else {
            self.ownership = ownership
        }
    }
}

extension ObservedDomain {
    /// The CD-ROM reconcile attaches for cloud-init, if any: at `hdc` (IDE) or `sdz` (SATA), or
    /// the first CD-ROM of a domain defined before reconcile attached other CD-ROMs.
    public var seedSource: String? {
        let cdroms = disks.filter { $0.device == "cdrom" }
        return (cdroms.first { ObservedDomain.seedTargets.contains($0.target) } ?? cdroms.first { $0.target != ownership?.cdrom })?.source
    }

    static let seedTargets: Set<String> = ["hdc", "sdz"]

    /// The CD-ROM at `target`, if the domain has one there.
    public func cdrom(at target: String) -> Disk? {
        disks.first { $0.device == "cdrom" && $0.target == target }
    }

    /// Whether the machine type is q35, which has SATA and no IDE.
    public var isQ35: Bool { machine?.contains("q35") == true }

    public var bootsUEFI: Bool { firmware == "efi" }

    /// Memory at boot: the balloon target, or the maximum when none is set below it.
    public var effectiveMemoryKiB: UInt64 { currentMemoryKiB ?? memoryKiB }

    /// vCPUs online at boot.
    public var effectiveVcpus: Int { currentVcpus ?? vcpus }
}
