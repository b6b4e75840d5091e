import Foundation
import Reconciler
import Spec

/// The apply lock as libvirt stores it: a persistent network that is never started (so it has no
/// bridge, no dnsmasq, no firewall rule), named `reconcile-lock`, with the holder in its metadata and
/// the holder's token as its UUID.
enum LockNetworkXML {
    static let name = ReservedNames.lockNetwork
    static let namespace = "https://reconcile.dev/xmlns/lock/v1"
    static let bridge = ReservedNames.lockBridge

    static func render(_ record: HostLockRecord) -> String {
        var network = XMLElementBuilder("network")
        network.add(XMLElementBuilder("name", text: name))
        network.add(XMLElementBuilder("uuid", text: record.token))
        // Named, or libvirt would give it the next free virbrN, which a declared network may want.
        network.add(XMLElementBuilder("bridge", [("name", bridge)]))
        network.add(XMLElementBuilder("metadata", children: [
            XMLElementBuilder("reconcile:lock", [
                ("xmlns:reconcile", namespace), ("owner", record.owner), ("machine", record.machine), ("pid", "\(record.pid)"),
                ("started", "\(record.started.timeIntervalSince1970)"), ("expires", "\(record.expires.timeIntervalSince1970)"),
            ]),
        ]))
        return network.render()
    }

    /// The holder; a record nobody can read (edited by hand, another version) counts as expired, so
    /// it never blocks applies for ever.
    static func parse(_ text: String) throws -> HostLockRecord {
        let root = try ParsedXML(text, what: "network").root
        let token = root.child("uuid")?.text ?? ""
        let element = root.child("metadata")?.elements.first { $0.namespaceURI == namespace && $0.localName == "lock" }
        guard let element, let owner = element.attribute("owner"), let machine = element.attribute("machine"),
              let pid = element.attribute("pid").flatMap(Int32.init),
              let started = element.attribute("started").flatMap(TimeInterval.init),
              let expires = element.attribute("expires").flatMap(TimeInterval.init) else {
            return HostLockRecord(owner: "unknown (unreadable lock record)", machine: "", pid: 0, started: .distantPast,
                                  expires: .distantPast, token: token)
        }
        return HostLockRecord(owner: owner, machine: machine, pid: pid, started: Date(timeIntervalSince1970: started),
                              expires: Date(timeIntervalSince1970: expires), token: token)
    }
}
