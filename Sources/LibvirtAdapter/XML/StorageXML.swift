import Foundation
import Reconciler

/// Storage pool and volume XML.
enum StorageXML {
    static func render(_ pool: PoolDefinition) -> String {
        XMLElementBuilder("pool", [("type", pool.type.rawValue)], children: [
            XMLElementBuilder("name", text: pool.name),
            XMLElementBuilder("target", children: [XMLElementBuilder("path", text: pool.path)]),
        ]).render()
    }

    static func render(_ volume: VolumeDefinition) -> String {
        var element = XMLElementBuilder("volume", children: [
            XMLElementBuilder("name", text: volume.name),
            XMLElementBuilder("capacity", [("unit", "bytes")], text: "\(volume.capacity)"),
            XMLElementBuilder("allocation", [("unit", "bytes")], text: "0"),
            XMLElementBuilder("target", children: [
                XMLElementBuilder("format", [("type", volume.format.rawValue)]),
                XMLElementBuilder("permissions", children: [XMLElementBuilder("mode", text: "0600")]),
            ]),
        ])
        if let backing = volume.backingPath {
            element.add(XMLElementBuilder("backingStore", children: [
                XMLElementBuilder("path", text: backing),
                XMLElementBuilder("format", [("type", (volume.backingFormat ?? .qcow2).rawValue)]),
            ]))
        }
        return element.render()
    }

    static func parsePool(_ text: String, active: Bool, autostart: Bool, persistent: Bool) throws -> ObservedPool {
        let root = try ParsedXML(text, what: "storage pool").root
        return ObservedPool(name: root.child("name")?.text ?? "", uuid: root.child("uuid")?.text,
                            type: root.attribute("type") ?? "", path: root.at("target", "path")?.text,
                            active: active, autostart: autostart, persistent: persistent)
    }

    static func volumeFormat(_ text: String) throws -> String? {
        try ParsedXML(text, what: "volume").root.at("target", "format")?.attribute("type")
    }

    /// The file a copy-on-write volume reads what it has not written itself (nil for a volume of its own).
    static func backingPath(_ text: String) throws -> String? {
        try ParsedXML(text, what: "volume").root.at("backingStore", "path")?.text
    }
}
