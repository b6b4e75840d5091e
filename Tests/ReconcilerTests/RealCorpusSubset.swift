import Foundation

/// The part of the corpus the real-libvirtd test adopts, and how it is cleaned up.
enum RealCorpusSubset {
    static let poolPath = "/var/lib/libvirt/images/reconcile-corpus-test"
    static let pool = "rc-corpus"

    static let domains: [CorpusCase] = [
        // UEFI + Secure Boot loader/nvram, q35: matches, so adopting it only records ownership.
        Corpus.domains.first { $0.name == "uefi-secureboot" },
        // Title, description, another tool's metadata, a CD-ROM, VNC, qemu:commandline: matches.
        Corpus.domains.first { $0.name == "foreign-metadata" },
        // CD-ROM, floppy and an IDE controller, boot menu, title: memory changes.
        // (Not the TPM one: that needs swtpm on the host to be defined at all.)
        Corpus.domains.first { $0.name == "cdrom-floppy" },
    ].compactMap { $0 } + [
        // SPICE + QXL: memory changes, a disk and a NIC are added.
        CorpusCase(name: "spice-qxl", cpus: 2, memory: "2GiB", network: "corpus-dhcp-hosts", mac: "52:54:00:c0:00:07",
                   addDisk: true, addNetwork: "corpus-nat6"),
    ]

    /// IPv6 NAT with another tool's metadata (matches), DHCP host entries (its range changes), DNS (matches).
    static let networks = Corpus.networks.filter { ["corpus-nat6", "corpus-dhcp-hosts", "corpus-dns"].contains($0.name) }

    static func cleanUp() {
        for domain in domains.map(\.name) { try? RealLibvirt.virsh(["undefine", domain, "--nvram"]) }
        for network in networks.map(\.name) { try? RealLibvirt.virsh(["net-undefine", network]) }
        for volume in domains.flatMap({ ["\($0.name)-root.qcow2", "\($0.name)-data.qcow2"] }) {
            try? RealLibvirt.virsh(["vol-delete", volume, "--pool", pool])
        }
        try? RealLibvirt.virsh(["pool-destroy", pool])
        try? RealLibvirt.virsh(["pool-undefine", pool])
        try? FileManager.default.removeItem(atPath: poolPath)
    }
}
