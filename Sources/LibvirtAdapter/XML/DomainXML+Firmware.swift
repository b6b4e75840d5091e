import Reconciler

extension DomainXML {
    /// `<os>` with its firmware: libvirt's auto-selection picks the OVMF build (and its NVRAM
    /// template) from the distribution's firmware descriptors, so no path is written here.
    static func firmwareOS(_ definition: DomainDefinition, arch: String) -> XMLElementBuilder {
        var type = XMLElementBuilder("type", [("arch", arch)], text: "hvm")
        // Secure Boot needs SMM, which QEMU offers on q35 only.
        if definition.secureBoot == true { type.attributes.append(("machine", "q35")) }
        guard definition.firmware == .uefi else { return XMLElementBuilder("os", children: [type]) }
        let secure = definition.secureBoot == true ? "yes" : "no"
        // Without Secure Boot it is asked off, so the plain OVMF build is chosen, not an enrolled one needing SMM.
        var features = [XMLElementBuilder("feature", [("enabled", secure), ("name", "secure-boot")])]
        if definition.secureBoot == true { features.append(XMLElementBuilder("feature", [("enabled", "yes"), ("name", "enrolled-keys")])) }
        return XMLElementBuilder("os", [("firmware", "efi")], children: [type, XMLElementBuilder("firmware", children: features)])
    }

    /// q35 has no IDE bus, so a Secure Boot guest's seed CD-ROM is on SATA.
    static func seedTarget(_ definition: DomainDefinition) -> XMLElementBuilder {
        definition.secureBoot == true ? XMLElementBuilder("target", [("dev", "sdz"), ("bus", "sata")])
            : XMLElementBuilder("target", [("dev", "hdc"), ("bus", "ide")])
    }

    static let tpmElement = XMLElementBuilder("tpm", [("model", "tpm-crb")], children: [
        XMLElementBuilder("backend", [("type", "emulator"), ("version", "2.0")]),
    ])

    /// UEFI when libvirt chose it (`firmware='efi'`, kept in the inactive definition) or a pflash loader is set by hand.
    static func readFirmware(_ root: ParsedElement, into observed: inout ObservedDomain) {
        let os = root.child("os")
        let loader = os?.child("loader")
        if os?.attribute("firmware") == "efi" || loader?.attribute("type") == "pflash" { observed.firmware = "efi" }
        let secureFeature = os?.child("firmware")?.children("feature").first { $0.attribute("name") == "secure-boot" }
        observed.secureBoot = secureFeature?.attribute("enabled") == "yes" || loader?.attribute("secure") == "yes"
    }

    /// The files below a disk's source, nearest first, as libvirt lists them in `<backingStore>`.
    static func backingChain(_ disk: ParsedElement) -> [String] {
        var files: [String] = []
        var store = disk.child("backingStore")
        while let current = store, let file = current.child("source")?.attribute("file") {
            files.append(file)
            store = current.child("backingStore")
        }
        return files
    }

    /// Whether the definition has the QEMU guest agent's virtio channel.
    static func hasGuestAgentChannel(_ text: String) throws -> Bool {
        let root = try ParsedXML(text, what: "domain").root
        return (root.child("devices")?.children("channel") ?? []).contains {
            $0.child("target")?.attribute("name") == "org.qemu.guest_agent.0"
        }
    }
}
