import Foundation
import Localization

extension DomainXML {
    /// Points file disks (by target) at other qcow2 files, and drops the backing chain libvirt may have
    /// recorded for the old file: libvirt reads the new file's chain from its header at the next start.
    /// Everything else in the definition is written back as it was.
    static func pointingDisks(_ sources: [String: String], in text: String, domain name: String) throws -> String {
        var root = try EditableXMLElement(parsing: text, what: "domain")
        var found: Set<String> = []
        root.editChild("devices") { devices in
            devices.editChildren(where: { disk in
                disk.name == "disk" && disk.attribute("type") == "file" && disk.child("target")?.attribute("dev").map { sources[$0] != nil } == true
            }) { disk in
                guard let target = disk.child("target")?.attribute("dev"), let path = sources[target] else { return }
                found.insert(target)
                disk.editChild("source") { $0.setAttribute("file", path) }
                disk.editChild("driver") { driver in
                    if driver.attribute("name") == nil { driver.setAttribute("name", "qemu") }
                    driver.setAttribute("type", "qcow2")
                }
                disk.removeChildren { $0.name == "backingStore" }
            }
        }
        let missing = Set(sources.keys).subtracting(found)
        guard missing.isEmpty else {
            throw LibvirtAdapterError(LocalizedMessage("adapter.vm.fileDiskGone", ["vm": name, "disks": missing.sorted().joined(separator: ", ")]))
        }
        return root.serialized()
    }
}
