import Foundation
import Localization
import Reconciler

extension DomainXML {
    /// Applies the planned edits to a domain's persistent definition as libvirt returned it. Only the
    /// edited elements change: machine type, arch, firmware, undeclared devices, other tools' metadata
    /// and everything else reconcile does not model are written back as they were.
    static func apply(_ patch: DomainPatch, to text: String) throws -> String {
        var root = try EditableXMLElement(parsing: text, what: "domain")
        let uuid = root.child("uuid")?.text
        if let expected = patch.uuid, let uuid, uuid.lowercased() != expected.lowercased() {
            throw LibvirtAdapterError(LocalizedMessage("adapter.vm.replaced", ["vm": patch.name, "uuid": uuid, "expected": expected]))
        }
        if let vcpus = patch.vcpus {
            root.editChild("vcpu") { vcpu in
                vcpu.setText("\(vcpus)")
                // Fewer CPUs than were online at boot would be refused.
                if let current = vcpu.attribute("current").flatMap({ Int($0) }), current > vcpus { vcpu.removeAttribute("current") }
            }
        }
        if let online = patch.currentVcpus {
            root.editChild("vcpu") { vcpu in
                let maximum = Int(vcpu.text) ?? 0
                if online < maximum {
                    vcpu.setAttribute("current", "\(online)")
                } else {
                    vcpu.removeAttribute("current")
                    vcpu.setText("\(online)")
                }
            }
        }
        if let memory = patch.memoryKiB {
            // libvirt takes a NUMA guest's memory from its cells and would ignore the new total silently.
            if root.child("cpu")?.child("numa") != nil {
                throw LibvirtAdapterError(LocalizedMessage("adapter.vm.numaMemory", ["vm": patch.name, "memory": "\(memory)"]))
            }
            let kib = { (element: EditableXMLElement?) in element.map { DomainXML.memoryKiB($0.text, unit: $0.attribute("unit")) } }
            let previous = kib(root.child("memory"))
            let current = kib(root.child("currentMemory"))
            var names = ["memory"]
            // A balloon set below the maximum stays where it is, unless it would exceed the new maximum.
            if current == nil || current == previous || (current ?? 0) > memory { names.append("currentMemory") }
            for name in names {
                root.editChild(name) { element in
                    element.setAttribute("unit", "KiB")
                    element.setText("\(memory)")
                }
            }
        }
        if let current = patch.currentMemoryKiB {
            let maximum = root.child("memory").map { DomainXML.memoryKiB($0.text, unit: $0.attribute("unit")) } ?? current
            root.editChild("currentMemory") { element in
                element.setAttribute("unit", "KiB")
                element.setText("\(min(current, maximum))")
            }
        }
        if patch.finishInstall {
            // The install is over: the disk boots (then the installer ISO, should the disk be blank again).
            root.editChild("os") { os in
                os.removeChildren { ["kernel", "initrd", "cmdline", "boot"].contains($0.name) }
                for device in ["hd", "cdrom"] { os.append(XMLElementBuilder("boot", [("dev", device)]).editable) }
            }
            root.editChild("on_reboot") { $0.setText("restart") }
        }
        try root.editChild("devices") { devices in try applyDevices(patch, to: &devices) }
        return root.serialized()
    }

    private static func applyDevices(_ patch: DomainPatch, to devices: inout EditableXMLElement) throws {
        for disk in patch.changedDisks {
            let edited = devices.editChildren(where: { $0.name == "disk" && $0.child("target")?.attribute("dev") == disk.target }) { element in
                element.setAttribute("device", "disk")
                if element.attribute("type") != "file" {
                    // Another kind of source (block device, volume, network): its attributes mean nothing for a file.
                    element.setAttribute("type", "file")
                    element.removeChildren { $0.name == "source" }
                }
                element.editChild("source") { $0.setAttribute("file", disk.path) }
                element.editChild("driver") { driver in
                    if driver.attribute("name") == nil { driver.setAttribute("name", "qemu") }
                    driver.setAttribute("type", disk.format.rawValue)
                }
                element.editChild("target") { $0.setAttribute("bus", disk.bus.rawValue) }
            }
            guard edited > 0 else { throw LibvirtAdapterError(LocalizedMessage("adapter.vm.diskGone", ["vm": patch.name, "disk": disk.target])) }
        }
        if !patch.removedDisks.isEmpty {
            let targets = Set(patch.removedDisks)
            devices.removeChildren { $0.name == "disk" && $0.child("target")?.attribute("dev").map(targets.contains) == true }
        }
        if !patch.removedInterfaces.isEmpty {
            let macs = Set(patch.removedInterfaces.map { $0.lowercased() })
            devices.removeChildren { $0.name == "interface" && $0.child("mac")?.attribute("address").map { macs.contains($0.lowercased()) } == true }
        }
        for disk in patch.addedDisks { devices.append(diskElement(disk).editable) }
        for interface in patch.changedInterfaces {
            guard let mac = interface.mac?.lowercased() else { continue }
            let edited = devices.editChildren(where: { $0.name == "interface" && $0.child("mac")?.attribute("address")?.lowercased() == mac }) { element in
                element.setAttribute("type", "network")
                element.editChild("source") { source in
                    for attribute in ["bridge", "dev", "mode"] { source.removeAttribute(attribute) }
                    source.setAttribute("network", interface.network)
                }
            }
            guard edited > 0 else { throw LibvirtAdapterError(LocalizedMessage("adapter.vm.nicGone", ["vm": patch.name, "mac": mac])) }
        }
        for interface in patch.addedInterfaces { devices.append(interfaceElement(interface).editable) }
        if let target = patch.removeCDROM {
            devices.removeChildren { $0.name == "disk" && $0.attribute("device") == "cdrom" && $0.child("target")?.attribute("dev") == target }
        }
        if let cdrom = patch.cdrom {
            let isTarget = { (element: EditableXMLElement) in element.name == "disk" && element.child("target")?.attribute("dev") == cdrom.target }
            if devices.elements.contains(where: { isTarget($0) && $0.attribute("device") != "cdrom" }) {
                throw LibvirtAdapterError(LocalizedMessage("adapter.vm.cdromTargetTaken", ["vm": patch.name, "target": cdrom.target]))
            }
            let changed = devices.editChildren(where: isTarget) { element in
                element.setAttribute("type", "file")
                element.removeChildren { $0.name == "source" }
                element.append(XMLElementBuilder("source", [("file", cdrom.path)]).editable)
            }
            if changed == 0 { devices.append(cdromElement(cdrom).editable) }
        }
        if patch.addGuestAgentChannel
            && !devices.elements.contains(where: { $0.name == "channel" && $0.child("target")?.attribute("name") == guestAgentChannelName }) {
            devices.append(guestAgentChannelElement.editable)
        }
        switch patch.vnc {
        case true?: devices.append(vncElement.editable)
        case false?: devices.removeChildren { $0.name == "graphics" && $0.attribute("type") == "vnc" }
        case nil: break
        }
    }
}
