import Foundation
import Localization
import Reconciler
import Spec

extension NetworkXML {
    /// Applies the planned edits and reconcile's metadata element to a network's persistent definition.
    /// IPv6 addresses, DHCP hosts, DNS, MTU, bandwidth, port isolation, forward interface lists and
    /// other tools' metadata are written back as they were.
    static func apply(_ patch: NetworkPatch, to text: String) throws -> String {
        var root = try EditableXMLElement(parsing: text, what: "network")
        if let expected = patch.uuid, let uuid = root.child("uuid")?.text, uuid.lowercased() != expected.lowercased() {
            throw LibvirtAdapterError(LocalizedMessage("adapter.network.replaced", ["network": patch.name, "uuid": uuid, "expected": expected]))
        }
        if let mode = patch.mode {
            root.removeChildren { $0.name == "forward" }
            if let forward = forwardElement(mode, interface: patch.interface) { root.append(forward.editable) }
            // libvirt refuses addresses on networks whose addressing the LAN does.
            if !mode.libvirtManagesAddressing { root.removeChildren { $0.name == "ip" } }
        } else if let interface = patch.interface {
            root.editChild("forward") { forward in
                forward.removeChildren { $0.name == "interface" }
                forward.append(XMLElementBuilder("interface", [("dev", interface)]).editable)
            }
        }
        if let bridge = patch.bridge { root.editChild("bridge") { $0.setAttribute("name", bridge) } }
        if let edit = patch.ipv4 { applyIPv4(edit.ipv4, to: &root) }
        OwnershipXML.replace(patch.ownership, in: &root)
        return root.serialized()
    }

    /// Edits the IPv4 `<ip>` only; its DHCP host entries are kept, only the range reconcile declares changes.
    private static func applyIPv4(_ ipv4: IPv4Config?, to root: inout EditableXMLElement) {
        let isIPv4: (EditableXMLElement) -> Bool = { $0.name == "ip" && ($0.attribute("family") ?? "ipv4") == "ipv4" }
        guard let ipv4 else {
            root.removeChildren(where: isIPv4)
            return
        }
        let edited = root.editFirstChild(where: isIPv4) { ip in
            ip.setAttribute("address", ipv4.address)
            ip.setAttribute("prefix", "\(ipv4.prefix)")
            ip.removeAttribute("netmask")
            guard let dhcp = ipv4.dhcp else {
                ip.editChildren(where: { $0.name == "dhcp" }) { $0.removeChildren { $0.name == "range" } }
                ip.removeChildren { $0.name == "dhcp" && $0.elements.isEmpty }
                return
            }
            ip.editChild("dhcp") { element in
                element.removeChildren { $0.name == "range" }
                element.content.insert(.element(rangeElement(dhcp).editable), at: 0)
            }
        }
        if !edited { root.append(ipElement(ipv4).editable) }
    }
}
