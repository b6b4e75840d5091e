extension FieldCatalog {
    // Change effects follow HostPlanner+Domains, +LiveChanges and +Provisioning: cpus and memory within
    // their maximum and added disks and NICs reach a running guest at once; the maximums and VNC are
    // patched into the persistent definition; the image, the seed and the firmware only shape a new guest.
    static let virtualMachine = ObjectDescription("spec", [
        FieldDescription("hypervisor", .string, default: "the only Hypervisor", change: .replace, example: "kvm1",
                         "The Hypervisor the guest runs on; may be left out when exactly one is declared."),
        FieldDescription("cpus", .integer, default: "1", change: .live, example: "2",
                         "Virtual CPUs, at least 1; more, up to maxCpus, reach a running guest at once (fewer at its next boot)."),
        FieldDescription("memory", .size, default: "1GiB", change: .live, example: "2GiB",
                         "Memory with a binary unit (MiB, GiB), at least 1MiB; up to maxMemory it reaches a running guest at once (balloon)."),
        FieldDescription("maxMemory", .size, default: "memory", change: .nextBoot, example: "8GiB",
                         "The most memory the guest may be given while it runs; at least memory."),
        FieldDescription("maxCpus", .integer, default: "cpus", change: .nextBoot, example: "8",
                         "The most virtual CPUs the guest may be given while it runs; at least cpus."),
        FieldDescription("restartPolicy", choice(RestartPolicy.self), default: "never", change: .live,
                         "never: a next-boot change leaves the guest running and the plan says a restart is pending; ifNeeded: the plan adds a graceful restart."),
        FieldDescription("disks", .list(.object(disk)), change: .live,
                         "Disks, each a volume in a storage pool; new ones are hot-added to a running guest, changed ones take effect at its next boot, removed ones reconcile attached are hot-unplugged (their volumes kept)."),
        FieldDescription("networks", .list(.either([.string, .object(networkAttachment)])), change: .live,
                         example: "[lab]", "NICs: a Network name, or `{network, mac}`; new ones are hot-added to a running guest, removed ones reconcile attached are hot-unplugged."),
        FieldDescription("state", choice(VMState.self), default: "running", change: .live,
                         "running or stopped; absent deletes the guest (and disks with deleteWithVM)."),
        FieldDescription("autostart", .boolean, default: "false", change: .live, "Start the guest when libvirtd starts."),
        FieldDescription("console", .object(console), change: .nextBoot, "Consoles the guest gets."),
        FieldDescription("domainType", choice(DomainType.self), default: "the hypervisor's", change: .replace,
                         "kvm, qemu or auto for this guest; an existing domain's type is never changed."),
        FieldDescription("cloudInit", .object(cloudInit), change: .replace,
                         "First-boot configuration, written to a seed ISO; cloud-init runs it once."),
        FieldDescription("agent", .object(agent), change: .live,
                         "The sysmanage agent, installed and configured over SSH once the guest runs."),
        FieldDescription("bootTimeout", .integer, default: "600", change: .live, example: "900",
                         "Seconds apply waits for the guest's address and SSH."),
        FieldDescription("stopTimeout", .integer, default: String(VirtualMachineSpec.defaultStopTimeout), change: .live,
                         example: "300", "Seconds a guest gets to shut down (ACPI) before it is forced off."),
        FieldDescription("firmware", choice(Firmware.self), default: "bios", change: .replace, "bios or uefi (OVMF)."),
        FieldDescription("secureBoot", .boolean, default: "false", change: .replace, "Secure Boot; needs firmware: uefi."),
        FieldDescription("tpm", .boolean, default: "false", change: .replace, "An emulated TPM 2.0 (swtpm)."),
        FieldDescription("snapshots", .list(.object(snapshot)), change: .live,
                         "Snapshots that should exist; apply takes the missing ones."),
        FieldDescription("cdrom", .object(cdrom), change: .live,
                         "A read-only CD-ROM (IDE, SATA on q35): a new medium reaches a running guest at once; adding or removing the drive waits for its next boot."),
    ])

    static let cdrom = ObjectDescription("spec.cdrom", [
        FieldDescription("volume", .string, example: "tools.iso",
                         "An ISO volume already in the pool; give this or url."),
        FieldDescription("url", .string, example: "https://example.org/tools.iso",
                         "An ISO to download into the image cache (verified) and upload once into the pool; give this or volume."),
        FieldDescription("checksum", .string, example: "sha256:<64 hex digits>",
                         "sha256:HEX or sha512:HEX of the ISO at url; give this or checksumURL."),
        FieldDescription("checksumURL", .string, "A checksum file naming the ISO at url; give this or checksum."),
        FieldDescription("allowHTTP", .boolean, default: "false",
                         "Allow a plain-http url verified by an inline checksum; plans say so every time."),
        FieldDescription("pool", .string, default: "the first disk's pool (url) or the only pool", example: "default",
                         "The StoragePool holding the volume, or receiving the download."),
    ])

    static let disk = ObjectDescription("spec.disks[]", [
        FieldDescription("name", .string, required: true, example: "root",
                         "The disk's name (letters, digits, '-' and '_'); the volume is named after VM and disk."),
        FieldDescription("from", .string, example: "debian-12",
                         "A Distribution whose cloud image the disk starts from."),
        FieldDescription("size", .size, example: "20GiB",
                         "The disk's size with a unit; required unless the disk is made `from` an image."),
        FieldDescription("pool", .string, default: "the hypervisor's only pool", example: "default",
                         "The StoragePool holding the volume."),
        FieldDescription("format", choice(DiskFormat.self), default: "qcow2", "The volume's format."),
        FieldDescription("bus", choice(DiskBus.self), default: "virtio", "The bus the guest sees the disk on."),
        FieldDescription("deleteWithVM", .boolean, default: "false",
                         "Delete the volume when the VM is deleted; otherwise it is kept. A disk removed from the manifest is detached and its volume always kept."),
    ])

    static let networkAttachment = ObjectDescription("spec.networks[]", [
        FieldDescription("network", .string, required: true, example: "lab", "The Network's name."),
        FieldDescription("mac", .string, example: "52:54:00:12:34:56", "A unicast MAC address; when left out reconcile picks a stable one (52:54:00:…) and records it as its own."),
    ])

    static let console = ObjectDescription("spec.console", [
        FieldDescription("serial", .boolean, default: "true", "A serial console (`reconcile console NAME`); always present."),
        FieldDescription("vnc", .boolean, default: "false", "A VNC display on the host's loopback address."),
    ])

    static let snapshot = ObjectDescription("spec.snapshots[]", [
        FieldDescription("name", .string, required: true, example: "before-upgrade",
                         "The snapshot's name (letters, digits, '-', '_' and '.', at most 64)."),
        FieldDescription("description", .string, example: "before the upgrade", "Shown by `reconcile snapshot list`."),
        FieldDescription("memory", .boolean, default: "false",
                         "Save the running guest's memory too; not for UEFI guests, whose snapshots are disk-only."),
    ])
}
