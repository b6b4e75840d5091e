import Foundation
import Reconciler

/// reconcile's `<metadata>` element, in its own namespace so other tools' metadata is left alone.
enum OwnershipXML {
    static let namespace = "https://reconcile.dev/xmlns/ownership/v1"
    static let prefix = "reconcile"

    static func element(_ ownership: Ownership) -> XMLElementBuilder {
        XMLElementBuilder("metadata", children: [resource(ownership, prefixed: true)])
    }

    /// The element alone, for `virDomainSetMetadata`, which adds the namespace itself.
    static func bareElement(_ ownership: Ownership) -> String {
        resource(ownership, prefixed: false).render()
    }

    private static func resource(_ ownership: Ownership, prefixed: Bool) -> XMLElementBuilder {
        let tag = prefixed ? "\(prefix):" : ""
        var attributes = [("name", ownership.name), ("specHash", ownership.specHash)]
        if prefixed { attributes.insert(("xmlns:\(prefix)", namespace), at: 0) }
        for (key, value) in [("baseImage", ownership.baseImage), ("seed", ownership.seed), ("agent", ownership.agent),
                             ("uuid", ownership.uuid), ("commit", ownership.commit), ("cdrom", ownership.cdrom)] {
            if let value { attributes.append((key, value)) }
        }
        var resource = XMLElementBuilder("\(tag)resource", attributes)
        for volume in ownership.volumes {
            resource.add(XMLElementBuilder("\(tag)volume", [
                ("pool", volume.pool), ("name", volume.name), ("deleteWithVM", volume.deleteWithVM ? "true" : "false"),
            ]))
        }
        for snapshot in ownership.snapshots ?? [] {
            resource.add(XMLElementBuilder("\(tag)snapshot", [("name", snapshot)]))
        }
        if let devices = ownership.devices {
            // Present even when empty: an empty record owns nothing, a missing one predates device records.
            var element = XMLElementBuilder("\(tag)devices")
            for disk in devices.disks {
                element.add(XMLElementBuilder("\(tag)disk", [("target", disk.target), ("source", disk.source)]))
            }
            for mac in devices.interfaces {
                element.add(XMLElementBuilder("\(tag)interface", [("mac", mac)]))
            }
            resource.add(element)
        }
        return resource
    }

    /// Finds reconcile's element under `<metadata>` by namespace, whatever prefix libvirt kept.
    static func parse(_ metadata: ParsedElement?) -> Ownership? {
        guard let metadata else { return nil }
        for element in metadata.elements {
            // By namespace only: another tool's `reconcile:resource` in its own namespace is not reconcile's.
            guard element.namespaceURI == namespace, element.localName == "resource",
                  let name = element.attribute("name") else { continue }
            let volumes = element.elements.compactMap { volume -> OwnedVolume? in
                guard volume.localName == "volume",
                      let pool = volume.attribute("pool"), let volumeName = volume.attribute("name") else { return nil }
                return OwnedVolume(pool: pool, name: volumeName, deleteWithVM: volume.attribute("deleteWithVM") == "true")
            }
            var ownership = Ownership(name: name, specHash: element.attribute("specHash") ?? "", volumes: volumes,
                                      baseImage: element.attribute("baseImage"), seed: element.attribute("seed"),
                                      agent: element.attribute("agent"), uuid: element.attribute("uuid"),
                                      commit: element.attribute("commit"))
            ownership.cdrom = element.attribute("cdrom")
            let snapshots = element.elements.filter { $0.localName == "snapshot" }.compactMap { $0.attribute("name") }
            if !snapshots.isEmpty { ownership.snapshots = snapshots }
            if let devices = element.elements.first(where: { $0.localName == "devices" }) {
                let disks = devices.elements.filter { $0.localName == "disk" }.compactMap { disk -> OwnedDevices.Disk? in
                    guard let target = disk.attribute("target"), let source = disk.attribute("source") else { return nil }
                    return OwnedDevices.Disk(target: target, source: source)
                }
                let macs = devices.elements.filter { $0.localName == "interface" }.compactMap { $0.attribute("mac") }
                ownership.devices = OwnedDevices(disks: disks, interfaces: macs)
            }
            return ownership
        }
        return nil
    }

    /// Puts reconcile's element into a definition's `<metadata>` in place of the one there; every other
    /// element in `<metadata>` (other tools' namespaces) stays as it was.
    static func replace(_ ownership: Ownership, in root: inout EditableXMLElement) {
        let inherited = root.declaredNamespaces
        root.editChild("metadata") { metadata in
            let scope = inherited.merging(metadata.declaredNamespaces) { $1 }
            metadata.removeChildren { child in
                child.namespaceURI(in: scope) == namespace
            }
            metadata.append(resource(ownership, prefixed: true).editable)
        }
    }
}
