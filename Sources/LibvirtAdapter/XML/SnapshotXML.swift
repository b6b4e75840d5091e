import Foundation
import Reconciler

/// Snapshot XML: written from a `SnapshotDefinition`, read back into an `ObservedSnapshot`.
enum SnapshotXML {
    /// Name and description only: libvirt picks the memory and disk layout from the domain's state
    /// and the creation flags (disk-only for external snapshots).
    static func render(_ definition: SnapshotDefinition) -> String {
        var snapshot = XMLElementBuilder("domainsnapshot", children: [XMLElementBuilder("name", text: definition.name)])
        if let description = definition.description { snapshot.add(XMLElementBuilder("description", text: description)) }
        return snapshot.render()
    }

    static func parse(_ text: String, isCurrent: Bool) throws -> ObservedSnapshot {
        let root = try ParsedXML(text, what: "domain snapshot").root
        let disks = root.child("disks")?.children("disk") ?? []
        let memory = root.child("memory")?.attribute("snapshot")
        return ObservedSnapshot(
            name: root.child("name")?.text ?? "",
            description: root.child("description")?.text,
            state: root.child("state")?.text,
            creationTime: root.child("creationTime").flatMap { Int($0.text) },
            external: memory == "external" || disks.contains { $0.attribute("snapshot") == "external" },
            isCurrent: isCurrent)
    }
}
