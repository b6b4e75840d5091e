import Foundation

extension SnapshotXML {
    /// The disks an external snapshot took, each with the file it froze. A disk libvirt left out of the
    /// snapshot (`snapshot='no'`) or snapshotted internally is not listed.
    static func externalDisks(_ text: String) throws -> [ExternalSnapshotDisk] {
        let root = try ParsedXML(text, what: "domain snapshot").root
        let sources = diskSources(in: root.child("domain"))
        return (root.child("disks")?.children("disk") ?? []).compactMap { disk in
            guard disk.attribute("snapshot") == "external", let name = disk.attribute("name") else { return nil }
            // libvirt names a disk by its target, or by its source path in older records.
            let target = sources.first { $0.target == name || $0.path == name }
            guard let target else { return nil }
            return ExternalSnapshotDisk(target: target.target, frozen: target.path, overlay: disk.child("source")?.attribute("file"))
        }
    }

    /// Every file a snapshot needs to be reverted to: its domain's disk sources (active and inactive
    /// definitions), which an external snapshot froze.
    static func frozenPaths(_ text: String) throws -> Set<String> {
        let root = try ParsedXML(text, what: "domain snapshot").root
        return Set((diskSources(in: root.child("domain")) + diskSources(in: root.child("inactiveDomain"))).map(\.path))
    }

    /// The snapshot's record with its external disks' overlays replaced (by target): what libvirt
    /// 9.7 and later record after a revert, so that deleting the snapshot later merges the right file.
    static func replacingOverlays(_ overlays: [String: String], in text: String) throws -> String {
        var root = try EditableXMLElement(parsing: text, what: "domain snapshot")
        root.editChild("disks") { disks in
            disks.editChildren(where: { $0.name == "disk" && $0.attribute("snapshot") == "external" }) { disk in
                guard let name = disk.attribute("name"), let overlay = overlays[name] else { return }
                disk.editChild("source") { $0.setAttribute("file", overlay) }
            }
        }
        return root.serialized()
    }

    private static func diskSources(in domain: ParsedElement?) -> [(target: String, path: String)] {
        (domain?.child("devices")?.children("disk") ?? []).compactMap { disk in
            guard disk.attribute("device") ?? "disk" == "disk", let target = disk.child("target")?.attribute("dev"),
                  let path = disk.child("source")?.attribute("file") else { return nil }
            return (target, path)
        }
    }
}
