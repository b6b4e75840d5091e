import Foundation
import Reconciler

/// reconcile's `<metadata>` element, in its own namespace so other tools' metadata is left alone.
enum OwnershipXML {
    static let namespace = "https://reconcile.dev/xmlns/ownership/v1"
    static let prefix = "reconcile"

    static func element(_ ownership: Ownership) -> XMLElementBuilder {
        var resource = XMLElementBuilder("\(prefix):resource", [
            ("xmlns:\(prefix)", namespace), ("name", ownership.name), ("specHash", ownership.specHash),
        ])
        for volume in ownership.volumes {
            resource.add(XMLElementBuilder("\(prefix):volume", [
                ("pool", volume.pool), ("name", volume.name), ("deleteWithVM", volume.deleteWithVM ? "true" : "false"),
            ]))
        }
        return XMLElementBuilder("metadata", children: [resource])
    }

    /// Finds reconcile's element under `<metadata>` by namespace, whatever prefix libvirt kept.
    static func parse(_ metadata: ParsedElement?) -> Ownership? {
        guard let metadata else { return nil }
        for element in metadata.elements {
            guard element.namespaceURI == namespace || element.qualifiedName == "\(prefix):resource",
                  element.localName == "resource", let name = element.attribute("name") else { continue }
            let volumes = element.elements.compactMap { volume -> OwnedVolume? in
                guard volume.localName == "volume",
                      let pool = volume.attribute("pool"), let volumeName = volume.attribute("name") else { return nil }
                return OwnedVolume(pool: pool, name: volumeName, deleteWithVM: volume.attribute("deleteWithVM") == "true")
            }
            return Ownership(name: name, specHash: element.attribute("specHash") ?? "", volumes: volumes)
        }
        return nil
    }
}
