import Foundation
import Testing
@testable import LibvirtAdapter
@testable import Reconciler

/// The corpus of hand-made definitions in Tests/ReconcilerTests/Corpus, and the proof that an adopting
/// apply changed them by exactly what the plan listed.
enum Corpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static let domains: [CorpusCase] = [
        CorpusCase(name: "uefi-secureboot", cpus: 2, memory: "2GiB", network: "corpus-nat6", mac: "52:54:00:c0:00:01", matches: true),
        CorpusCase(name: "hostdev", cpus: 4, memory: "1GiB", network: "corpus-dhcp-hosts", mac: "52:54:00:c0:00:02"),
        CorpusCase(name: "cdrom-floppy", cpus: 1, memory: "2GiB", network: "corpus-dns", mac: "52:54:00:c0:00:03"),
        CorpusCase(name: "numa-topology", cpus: 4, memory: "2GiB", network: "corpus-mtu-bw", mac: "52:54:00:c0:00:04",
                   addNetwork: "corpus-isolated"),
        CorpusCase(name: "hugepages", cpus: 2, memory: "1GiB", network: "corpus-isolated", mac: "52:54:00:c0:00:05", addDisk: true),
        CorpusCase(name: "tpm", cpus: 2, memory: "1GiB", network: "corpus-nat6", mac: "52:54:00:c0:00:06"),
        CorpusCase(name: "spice-qxl", cpus: 2, memory: "1GiB", network: "corpus-dhcp-hosts", mac: "52:54:00:c0:00:07", matches: true),
        CorpusCase(name: "watchdog", cpus: 1, memory: "1536MiB", network: "corpus-dns", mac: "52:54:00:c0:00:08",
                   addNetwork: "corpus-nat6"),
        CorpusCase(name: "seclabel", cpus: 2, memory: "1GiB", network: "corpus-mtu-bw", mac: "52:54:00:c0:00:09"),
        CorpusCase(name: "sysinfo", cpus: 1, memory: "1GiB", network: "corpus-isolated", mac: "52:54:00:c0:00:0a", matches: true),
        CorpusCase(name: "filesystems", cpus: 1, memory: "1GiB", network: "corpus-nat6", mac: "52:54:00:c0:00:0b", addDisk: true),
        CorpusCase(name: "aarch64-virt", cpus: 2, memory: "1GiB", network: "corpus-forward-if", mac: "52:54:00:c0:00:0c", matches: true),
        CorpusCase(name: "foreign-metadata", cpus: 1, memory: "1GiB", network: "corpus-nat6", mac: "52:54:00:c0:00:0d", vnc: true,
                   matches: true),
    ]

    static let networks: [CorpusNetworkCase] = [
        CorpusNetworkCase(name: "corpus-nat6", spec: "mode: nat\nbridge: cbr-nat6\nipv4: {address: 192.168.201.1, prefix: 24, dhcp: {start: 192.168.201.100, end: 192.168.201.200}}", matches: true),
        CorpusNetworkCase(name: "corpus-dhcp-hosts", spec: "mode: nat\nbridge: cbr-dhcp\nipv4: {address: 192.168.202.1, prefix: 24, dhcp: {start: 192.168.202.120, end: 192.168.202.180}}"),
        CorpusNetworkCase(name: "corpus-dns", spec: "mode: nat\nbridge: cbr-dns\nipv4: {address: 192.168.203.1, prefix: 24, dhcp: {start: 192.168.203.100, end: 192.168.203.200}}", matches: true),
        CorpusNetworkCase(name: "corpus-mtu-bw", spec: "mode: nat\nbridge: cbr-mtu\nipv4: {address: 192.168.214.1, prefix: 24, dhcp: {start: 192.168.214.100, end: 192.168.214.200}}"),
        CorpusNetworkCase(name: "corpus-isolated", spec: "mode: isolated\nbridge: cbr-iso\nipv4: {address: 192.168.205.1, prefix: 24}", matches: true),
        CorpusNetworkCase(name: "corpus-forward-if", spec: "mode: macvtap\ninterface: eth1", matches: true),
    ]

    /// A domain fixture with its type and the directory of its disks filled in.
    static func domainXML(_ name: String, type: String, poolPath: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("domains/\(name).xml"), encoding: .utf8)
            .replacingOccurrences(of: "<domain type='qemu'", with: "<domain type='\(type)'")
            .replacingOccurrences(of: "@POOL@", with: poolPath)
    }

    static func networkXML(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("networks/\(name).xml"), encoding: .utf8)
    }

    /// Every domain fixture (as a KVM domain) and every network fixture, for the XML readers' tests.
    static func allDefinitions() throws -> [String] {
        try domains.map { try domainXML($0.name, type: "kvm", poolPath: "/var/lib/pool") } + networks.map { try networkXML($0.name) }
    }

    /// The domain's definition without what the plan lists (and without reconcile's metadata element),
    /// checking on the way that each listed field has its planned value after the apply.
    /// Comparing the results for the definition before and after proves that nothing else changed.
    static func domainWithoutPlanned(_ xml: String, fields: [FieldChange], macsBefore: Set<String>, isAfter: Bool,
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var tree = try EditableXMLElement(parsing: xml, what: "domain")
        let observed = try DomainXML.parse(xml, state: .shutoff, autostart: false, persistent: true)
        for field in fields {
            switch field.field {
            case "cpus":
                tree.removeChildren { $0.name == "vcpu" }
                if isAfter { #expect("\(observed.vcpus)" == field.after, sourceLocation: sourceLocation) }
            case "memory":
                tree.removeChildren { $0.name == "memory" || $0.name == "currentMemory" }
                if isAfter { #expect(HostPlanner.memory(observed.memoryKiB) == field.after, sourceLocation: sourceLocation) }
            case let name where name.hasPrefix("disks[") && field.before == nil:
                let parts = (field.after ?? "").split(separator: " ").map(String.init)
                let target = parts.first ?? "?"
                if isAfter {
                    #expect(observed.disks.first { $0.target == target }?.source == parts.last, "\(field)", sourceLocation: sourceLocation)
                }
                tree.editChild("devices") { $0.removeChildren { $0.name == "disk" && $0.child("target")?.attribute("dev") == target } }
            case let name where name.hasPrefix("networks[") && field.before == nil:
                let network = (field.after ?? "").split(separator: " ").first.map(String.init)
                if isAfter {
                    let added = observed.interfaces.filter { !macsBefore.contains($0.mac ?? "") }
                    #expect(added.map(\.source) == [network], "\(field)", sourceLocation: sourceLocation)
                }
                tree.editChild("devices") { devices in
                    devices.removeChildren { $0.name == "interface" && !macsBefore.contains($0.child("mac")?.attribute("address")?.lowercased() ?? "") }
                }
            case "console.vnc":
                tree.editChild("devices") { $0.removeChildren { $0.name == "graphics" && $0.attribute("type") == "vnc" } }
            default:
                Issue.record("the corpus check does not know the field \(field.field)", sourceLocation: sourceLocation)
            }
        }
        if isAfter {
            #expect(observed.ownership?.name == observed.name, sourceLocation: sourceLocation)
            #expect(observed.ownership?.uuid == observed.uuid && observed.uuid != nil, sourceLocation: sourceLocation)
        }
        withoutOwnership(&tree)
        return CanonicalXML.of(tree)
    }

    /// The network's definition without what the plan lists and without reconcile's metadata element.
    static func networkWithoutPlanned(_ xml: String, fields: [FieldChange], isAfter: Bool,
                                      sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var tree = try EditableXMLElement(parsing: xml, what: "network")
        let observed = try NetworkXML.parse(xml, active: false, autostart: false, persistent: true)
        for field in fields {
            switch field.field {
            case "ipv4":
                tree.editFirstChild(where: { $0.name == "ip" && ($0.attribute("family") ?? "ipv4") == "ipv4" }) { ip in
                    for attribute in ["address", "prefix", "netmask"] { ip.removeAttribute(attribute) }
                    ip.editChildren(where: { $0.name == "dhcp" }) { $0.removeChildren { $0.name == "range" } }
                    ip.removeChildren { $0.name == "dhcp" && $0.elements.isEmpty }
                }
                if isAfter { #expect(observed.ipv4.map(HostPlanner.describe) == field.after, sourceLocation: sourceLocation) }
            case "bridge":
                tree.editChildren(where: { $0.name == "bridge" }) { $0.removeAttribute("name") }
                if isAfter { #expect(observed.bridge == field.after, sourceLocation: sourceLocation) }
            default:
                Issue.record("the corpus check does not know the field \(field.field)", sourceLocation: sourceLocation)
            }
        }
        if isAfter { #expect(observed.ownership?.name == observed.name, sourceLocation: sourceLocation) }
        withoutOwnership(&tree)
        return CanonicalXML.of(tree)
    }

    /// Removes reconcile's element from `<metadata>`, and `<metadata>` itself when nothing else is in it.
    static func withoutOwnership(_ tree: inout EditableXMLElement) {
        let scope = tree.declaredNamespaces
        tree.editChildren(where: { $0.name == "metadata" }) { metadata in
            let inner = scope.merging(metadata.declaredNamespaces) { $1 }
            metadata.removeChildren { $0.namespaceURI(in: inner) == OwnershipXML.namespace }
        }
        tree.removeChildren { $0.name == "metadata" && $0.elements.isEmpty }
    }
}
