/// The edits an update makes to an existing domain's persistent definition: only the fields the
/// manifest declares. The adapter applies them to the definition libvirt holds, so everything
/// reconcile does not model (firmware, passthrough devices, other tools' metadata) stays as it was.
/// The plan's field changes are made from the same edits, so what a plan shows is what is written.
public struct DomainPatch: Sendable, Hashable, Codable {
    public var name: String
    /// The domain the plan was made for; the update is refused if another domain took its name since.
    public var uuid: String?
    /// The maximum vCPUs (`<vcpu>`).
    public var vcpus: Int?
    /// vCPUs online at boot (`<vcpu current=…>`), at most the maximum.
    public var currentVcpus: Int?
    /// The maximum memory (`<memory>`); `<currentMemory>` follows it unless the balloon sits below.
    public var memoryKiB: UInt64?
    /// The balloon target at boot (`<currentMemory>`), at most the maximum.
    public var currentMemoryKiB: UInt64?
    /// Declared disks whose target the domain lacks.
    public var addedDisks: [DomainDefinition.Disk] = []
    /// Declared disks whose target exists with another source, format or bus; matched by target.
    public var changedDisks: [DomainDefinition.Disk] = []
    /// Declared NICs the domain lacks (a nil MAC lets libvirt generate one).
    public var addedInterfaces: [DomainDefinition.Interface] = []
    /// Declared NICs that exist under their MAC but on another network; matched by MAC.
    public var changedInterfaces: [DomainDefinition.Interface] = []
    /// Disks (by target) reconcile attached that the manifest no longer declares; for a stopped guest.
    public var removedDisks: [String] = []
    /// NICs (by MAC) reconcile attached that the manifest no longer declares; for a stopped guest.
    public var removedInterfaces: [String] = []
    /// Adds (true) or removes (false) the VNC display.
    public var vnc: Bool?
    /// Adds the QEMU guest agent's channel (reconcile never removes one).
    public var addGuestAgentChannel = false
    /// The declared CD-ROM, added where the domain has none at its target, or given this medium.
    public var cdrom: DomainDefinition.CDROM?
    /// The target of reconcile's CD-ROM to remove; only one reconcile recorded as its own.
    public var removeCDROM: String?
    /// The installer has finished (it powered off instead of rebooting): drop the installer
    /// kernel, initrd and command line and let reboots restart again, so the disk boots.
    public var finishInstall = false

    public init(name: String, uuid: String?) {
        self.name = name
        self.uuid = uuid
    }

    /// True when no field changes: the domain's definition stays exactly as it is.
    public var isEmpty: Bool {
        vcpus == nil && memoryKiB == nil && currentVcpus == nil && currentMemoryKiB == nil && addedDisks.isEmpty && changedDisks.isEmpty && addedInterfaces.isEmpty
            && changedInterfaces.isEmpty && removedDisks.isEmpty && removedInterfaces.isEmpty && vnc == nil && !addGuestAgentChannel
            && cdrom == nil && removeCDROM == nil && !finishInstall
    }
}
