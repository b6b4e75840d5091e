import Foundation
import Reconciler
import Spec

/// Network XML for the four modes reconcile manages.
enum NetworkXML {
    static func render(_ definition: NetworkDefinition) -> String {
        var network = XMLElementBuilder("network")
        network.add(XMLElementBuilder("name", text: definition.name))
        if let uuid = definition.uuid { network.add(XMLElementBuilder("uuid", text: uuid)) }
        network.add(OwnershipXML.element(definition.ownership))
        if let forward = forwardElement(definition.mode, interface: definition.interface) { network.add(forward) }
        if let bridge = definition.bridge, definition.mode != .macvtap {
            let attributes = definition.mode == .bridge ? [("name", bridge)] : [("name", bridge), ("stp", "on"), ("delay", "0")]
            network.add(XMLElementBuilder("bridge", attributes))
        }
        if let ipv4 = definition.ipv4, definition.mode.libvirtManagesAddressing { network.add(ipElement(ipv4)) }
        return network.render()
    }

    /// `<forward>` for a mode; nil for an isolated network, which has none.
    static func forwardElement(_ mode: NetworkMode, interface: String?) -> XMLElementBuilder? {
        switch mode {
        case .nat: XMLElementBuilder("forward", [("mode", "nat")])
        case .isolated: nil
        case .bridge: XMLElementBuilder("forward", [("mode", "bridge")])
        case .macvtap:
            XMLElementBuilder("forward", [("mode", "bridge")], children: [XMLElementBuilder("interface", [("dev", interface ?? "")])])
        }
    }

    static func ipElement(_ ipv4: IPv4Config) -> XMLElementBuilder {
        var ip = XMLElementBuilder("ip", [("address", ipv4.address), ("prefix", "\(ipv4.prefix)")])
        if let dhcp = ipv4.dhcp { ip.add(XMLElementBuilder("dhcp", children: [rangeElement(dhcp)])) }
        return ip
    }

    static func rangeElement(_ dhcp: IPv4Config.DHCPRange) -> XMLElementBuilder {
        XMLElementBuilder("range", [("start", dhcp.start), ("end", dhcp.end)])
    }

    static func parse(_ text: String, active: Bool, autostart: Bool, persistent: Bool) throws -> ObservedNetwork {
        let root = try ParsedXML(text, what: "network").root
        let forward = root.child("forward")
        let forwardMode = forward.map { $0.attribute("mode") ?? "nat" }
        let forwardInterface = forward?.child("interface")?.attribute("dev") ?? forward?.attribute("dev")
        let bridge = root.child("bridge")?.attribute("name")
        let mode: NetworkMode? = switch forwardMode {
        case nil: .isolated
        case "nat": .nat
        case "bridge": forwardInterface != nil ? .macvtap : .bridge
        default: nil
        }
        let ipv4 = root.children("ip").first { ($0.attribute("family") ?? "ipv4") == "ipv4" }.flatMap(parseIPv4)
        return ObservedNetwork(name: root.child("name")?.text ?? "", uuid: root.child("uuid")?.text, mode: mode,
                               forwardModeText: forwardMode, bridge: bridge,
                               interface: mode == .macvtap ? forwardInterface : nil,
                               ipv4: ipv4, active: active, autostart: autostart, persistent: persistent,
                               ownership: OwnershipXML.parse(root.child("metadata")))
    }

    private static func parseIPv4(_ ip: ParsedElement) -> IPv4Config? {
        guard let address = ip.attribute("address") else { return nil }
        var prefix = ip.attribute("prefix").flatMap { Int($0) }
        if prefix == nil, let netmask = ip.attribute("netmask").flatMap(IPv4Address.init) {
            prefix = netmask.value.nonzeroBitCount
        }
        let range = ip.at("dhcp", "range")
        let dhcp = range.flatMap { range in
            range.attribute("start").flatMap { start in
                range.attribute("end").map { IPv4Config.DHCPRange(start: start, end: $0) }
            }
        }
        return IPv4Config(address: address, prefix: prefix ?? 24, dhcp: dhcp)
    }
}
