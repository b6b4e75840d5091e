import Foundation
import Reconciler

/// Domain XML: written from a `DomainDefinition`, read back into an `ObservedDomain`.
enum DomainXML {
    static func render(_ definition: DomainDefinition, arch: String) -> String {
        var domain = XMLElementBuilder("domain", [("type", definition.type)])
        domain.add(XMLElementBuilder("name", text: definition.name))
        if let uuid = definition.uuid { domain.add(XMLElementBuilder("uuid", text: uuid)) }
        domain.add(OwnershipXML.element(definition.ownership))
        // The maximum is what the balloon and vCPU hotplug may reach while the guest runs.
        domain.add(XMLElementBuilder("memory", [("unit", "KiB")], text: "\(definition.maxMemoryKiB ?? definition.memoryKiB)"))
        domain.add(XMLElementBuilder("currentMemory", [("unit", "KiB")], text: "\(definition.memoryKiB)"))
        if let maxVcpus = definition.maxVcpus, maxVcpus > definition.vcpus {
            domain.add(XMLElementBuilder("vcpu", [("current", "\(definition.vcpus)")], text: "\(maxVcpus)"))
        } else {
            domain.add(XMLElementBuilder("vcpu", text: "\(definition.vcpus)"))
        }
        var os = firmwareOS(definition, arch: arch)
        if let kernel = definition.kernelPath {
            // Direct kernel boot: images without a bootloader, or Ubuntu's published kernels.
            os.add(XMLElementBuilder("kernel", text: kernel))
            if let initrd = definition.initrdPath { os.add(XMLElementBuilder("initrd", text: initrd)) }
            if let cmdline = definition.cmdline { os.add(XMLElementBuilder("cmdline", text: cmdline)) }
        } else {
            for device in definition.bootDevices ?? ["hd"] { os.add(XMLElementBuilder("boot", [("dev", device)])) }
        }
        domain.add(os)
        var features = XMLElementBuilder("features", children: [XMLElementBuilder("acpi"), XMLElementBuilder("apic")])
        if definition.type == "qemu" {
            // Emulated (TCG) guests otherwise reserve a 1 GiB translation cache; 128 MiB is plenty.
            features.add(XMLElementBuilder("tcg", children: [XMLElementBuilder("tb-cache", [("unit", "MiB")], text: "128")]))
        }
        // Secure Boot firmware keeps its variables in SMM, out of the guest's reach.
        if definition.secureBoot == true { features.add(XMLElementBuilder("smm", [("state", "on")])) }
        domain.add(features)
        if definition.type == "kvm" { domain.add(XMLElementBuilder("cpu", [("mode", "host-passthrough")])) }
        domain.add(XMLElementBuilder("on_poweroff", text: "destroy"))
        // An installer booted by direct kernel boot would boot itself again on the reboot that ends the install.
        domain.add(XMLElementBuilder("on_reboot", text: definition.installing == true ? "destroy" : "restart"))
        domain.add(XMLElementBuilder("on_crash", text: "destroy"))

        var devices = XMLElementBuilder("devices")
        for disk in definition.disks { devices.add(diskElement(disk)) }
        if let seed = definition.seedPath {
            // IDE, not SATA: cloud kernels without AHCI never see a SATA CD-ROM, and cloud-init
            // then finds no datasource.
            devices.add(XMLElementBuilder("disk", [("type", "file"), ("device", "cdrom")], children: [
                XMLElementBuilder("driver", [("name", "qemu"), ("type", "raw")]),
                XMLElementBuilder("source", [("file", seed)]),
                seedTarget(definition),
                XMLElementBuilder("readonly"),
            ]))
        }
        if let cdrom = definition.cdrom { devices.add(cdromElement(cdrom)) }
        for interface in definition.interfaces { devices.add(interfaceElement(interface)) }
        devices.add(XMLElementBuilder("serial", [("type", "pty")], children: [XMLElementBuilder("target", [("port", "0")])]))
        devices.add(XMLElementBuilder("console", [("type", "pty")], children: [
            XMLElementBuilder("target", [("type", "serial"), ("port", "0")]),
        ]))
        // wait-for-ip reads addresses through it, and a shutdown can go through it.
        devices.add(guestAgentChannelElement)
        if definition.vnc { devices.add(vncElement) }
        if definition.tpm == true { devices.add(tpmElement) }
        devices.add(XMLElementBuilder("rng", [("model", "virtio")], children: [
            XMLElementBuilder("backend", [("model", "random")], text: "/dev/urandom"),
        ]))
        domain.add(devices)
        return domain.render()
    }

    static func diskElement(_ disk: DomainDefinition.Disk) -> XMLElementBuilder {
        // type='file', not 'volume': AppArmor's virt-aa-helper cannot label volume disks.
        XMLElementBuilder("disk", [("type", "file"), ("device", "disk")], children: [
            XMLElementBuilder("driver", [("name", "qemu"), ("type", disk.format.rawValue)]),
            XMLElementBuilder("source", [("file", disk.path)]),
            XMLElementBuilder("target", [("dev", disk.target), ("bus", disk.bus.rawValue)]),
        ])
    }

    /// A read-only CD-ROM; the same element changes its medium live (`virDomainUpdateDeviceFlags`).
    static func cdromElement(_ cdrom: DomainDefinition.CDROM) -> XMLElementBuilder {
        XMLElementBuilder("disk", [("type", "file"), ("device", "cdrom")], children: [
            XMLElementBuilder("driver", [("name", "qemu"), ("type", "raw")]),
            XMLElementBuilder("source", [("file", cdrom.path)]),
            XMLElementBuilder("target", [("dev", cdrom.target), ("bus", cdrom.bus)]),
            XMLElementBuilder("readonly"),
        ])
    }

    static func interfaceElement(_ interface: DomainDefinition.Interface) -> XMLElementBuilder {
        var nic = XMLElementBuilder("interface", [("type", "network")])
        if let mac = interface.mac { nic.add(XMLElementBuilder("mac", [("address", mac)])) }
        nic.add(XMLElementBuilder("source", [("network", interface.network)]))
        nic.add(XMLElementBuilder("model", [("type", "virtio")]))
        return nic
    }

    static let guestAgentChannelName = "org.qemu.guest_agent.0"

    /// libvirt picks the socket path itself.
    static let guestAgentChannelElement = XMLElementBuilder("channel", [("type", "unix")], children: [
        XMLElementBuilder("target", [("type", "virtio"), ("name", guestAgentChannelName)]),
    ])

    static let vncElement = XMLElementBuilder("graphics", [("type", "vnc"), ("autoport", "yes"), ("listen", "127.0.0.1")])

    static func parse(_ text: String, state: DomainRunState, autostart: Bool, persistent: Bool) throws -> ObservedDomain {
        let root = try ParsedXML(text, what: "domain").root
        let name = root.child("name")?.text ?? ""
        let devices = root.child("devices")
        let disks = (devices?.children("disk") ?? []).map { disk in
            let source = disk.child("source")
            return ObservedDomain.Disk(
                device: disk.attribute("device") ?? "disk",
                source: source?.attribute("file") ?? source?.attribute("dev")
                    ?? source.flatMap { s in s.attribute("volume").map { "\(s.attribute("pool") ?? "")/\($0)" } },
                target: disk.child("target")?.attribute("dev") ?? "",
                bus: disk.child("target")?.attribute("bus"),
                format: disk.child("driver")?.attribute("type"),
                readOnly: disk.child("readonly") != nil,
                backingSources: backingChain(disk))
        }
        let interfaces = (devices?.children("interface") ?? []).map { interface in
            let type = interface.attribute("type") ?? "network"
            let source = interface.child("source")
            let sourceName: String? = switch type {
            case "network": source?.attribute("network")
            case "bridge": source?.attribute("bridge")
            default: source?.attribute("dev")
            }
            return ObservedDomain.Interface(type: type, source: sourceName,
                                            mac: interface.child("mac")?.attribute("address")?.lowercased(),
                                            model: interface.child("model")?.attribute("type"))
        }
        let vnc = (devices?.children("graphics") ?? []).contains { $0.attribute("type") == "vnc" }
        let agentChannel = (devices?.children("channel") ?? []).contains { $0.child("target")?.attribute("name") == guestAgentChannelName }
        var observed = ObservedDomain(
            name: name,
            uuid: root.child("uuid")?.text,
            type: root.attribute("type") ?? "",
            vcpus: Int(root.child("vcpu")?.text ?? "") ?? 0,
            memoryKiB: memoryKiB(root.child("memory")),
            disks: disks,
            interfaces: interfaces,
            vnc: vnc,
            guestAgentChannel: agentChannel,
            kernel: root.at("os", "kernel")?.text,
            initrd: root.at("os", "initrd")?.text,
            cmdline: root.at("os", "cmdline")?.text,
            state: state,
            autostart: autostart,
            persistent: persistent,
            ownership: OwnershipXML.parse(root.child("metadata")))
        readFirmware(root, into: &observed)
        let current = memoryKiB(root.child("currentMemory"))
        if current > 0, current != observed.memoryKiB { observed.currentMemoryKiB = current }
        if let online = root.child("vcpu")?.attribute("current").flatMap({ Int($0) }), online < observed.vcpus {
            observed.currentVcpus = online
        }
        if let devices, devices.child("tpm") != nil { observed.tpm = true }
        observed.machine = root.at("os", "type")?.attribute("machine")
        observed.onReboot = root.child("on_reboot")?.text
        return observed
    }

    /// libvirt writes KiB, but accepts and may echo other units.
    static func memoryKiB(_ element: ParsedElement?) -> UInt64 {
        guard let element else { return 0 }
        return memoryKiB(element.text, unit: element.attribute("unit"))
    }

    static func memoryKiB(_ text: String, unit: String?) -> UInt64 {
        guard let value = UInt64(text) else { return 0 }
        // What libvirt writes, without a lookup that costs more than reading the rest of the element did.
        guard let unit, unit != "KiB" else { return value }
        let kib = (Double(value) * (memoryUnitFactors[unit.lowercased()] ?? 1)).rounded()
        // Beyond what a UInt64 holds (a definition no host has the memory for), and not a crash.
        return kib < Double(UInt64.max) ? UInt64(kib) : .max
    }

    private static let memoryUnitFactors: [String: Double] = [
        "b": 1.0 / 1024, "bytes": 1.0 / 1024, "k": 1, "kib": 1, "kb": 1000.0 / 1024,
        "m": 1024, "mib": 1024, "mb": 1_000_000.0 / 1024, "g": 1_048_576, "gib": 1_048_576, "gb": 1e9 / 1024,
    ]
}
