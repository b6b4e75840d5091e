import Spec

/// Everything the adapter needs to write a domain's XML; the fields reconcile owns and compares.
public struct DomainDefinition: Sendable, Hashable, Codable {
    public struct Disk: Sendable, Hashable, Codable {
        public var pool: String
        public var volume: String
        /// The file path, known from the pool's directory before the volume exists.
        public var path: String
        public var target: String
        public var bus: DiskBus
        public var format: DiskFormat

        public init(pool: String, volume: String, path: String, target: String, bus: DiskBus, format: DiskFormat) {
            self.pool = pool
            self.volume = volume
            self.path = path
            self.target = target
            self.bus = bus
            self.format = format
        }
    }

    public struct Interface: Sendable, Hashable, Codable {
        public var network: String
        /// The declared MAC, or the one libvirt generated earlier, kept so a NIC never changes address.
        public var mac: String?

        public init(network: String, mac: String?) {
            self.network = network
            self.mac = mac
        }
    }

    /// A read-only CD-ROM: the VM's declared `cdrom`, or an installer VM's installer ISO.
    public struct CDROM: Sendable, Hashable, Codable {
        public var path: String
        /// `hdd` on IDE (i440fx), `sdy` on SATA (q35, which has no IDE); the seed keeps `hdc`/`sdz`.
        public var target: String
        public var bus: String

        public init(path: String, target: String, bus: String) {
            self.path = path
            self.target = target
            self.bus = bus
        }
    }

    public var name: String
    public var uuid: String?
    public var type: String
    public var vcpus: Int
    /// Memory at boot (`<currentMemory>`).
    public var memoryKiB: UInt64
    /// The most memory the balloon may give (`<memory>`); nil when it is `memoryKiB`.
    public var maxMemoryKiB: UInt64?
    /// The most vCPUs that may be brought online; nil when it is `vcpus`.
    public var maxVcpus: Int?
    public var disks: [Disk]
    public var interfaces: [Interface]
    public var vnc: Bool
    public var ownership: Ownership
    /// The cloud-init seed ISO, attached as a read-only CD-ROM.
    public var seedPath: String?
    /// Direct kernel boot, for images without a bootloader.
    public var kernelPath: String?
    public var initrdPath: String?
    public var cmdline: String?
    /// nil for BIOS; optional so domains defined before firmware was declarable hash as they did.
    public var firmware: Firmware?
    /// nil unless Secure Boot is asked for (UEFI only).
    public var secureBoot: Bool?
    /// nil unless a TPM 2.0 is asked for.
    public var tpm: Bool?
    /// nil when no CD-ROM is declared, so domains defined before cdroms existed hash as they did.
    public var cdrom: CDROM?
    /// Boot devices in order; nil is the disk alone. An installer VM boots `hd` then `cdrom`: the
    /// blank disk is not bootable until the installer has written it, and afterwards a cold boot
    /// never starts the installer again.
    public var bootDevices: [String]?
    /// An installer booted by direct kernel boot turns its reboot at the end of the install into a
    /// power-off, so the installer kernel is not booted again; the next plan then removes it.
    public var installing: Bool?

    public init(name: String, uuid: String? = nil, type: String, vcpus: Int, memoryKiB: UInt64, disks: [Disk],
                interfaces: [Interface], vnc: Bool, ownership: Ownership, seedPath: String? = nil,
                kernelPath: String? = nil, initrdPath: String? = nil, cmdline: String? = nil) {
        self.seedPath = seedPath
        self.kernelPath = kernelPath
        self.initrdPath = initrdPath
        self.cmdline = cmdline
        self.name = name
        self.uuid = uuid
        self.type = type
        self.vcpus = vcpus
        self.memoryKiB = memoryKiB
        self.disks = disks
        self.interfaces = interfaces
        self.vnc = vnc
        self.ownership = ownership
    }
}
