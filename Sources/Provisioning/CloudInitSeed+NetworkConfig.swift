import Localization
import Yams

extension CloudInitSeed {
    /// network-config v2, or nil for cloud-init's DHCP fallback on the first NIC.
    func networkConfigNode() throws -> Node? {
        let y = YAMLBuilder.self
        if network.match == nil, case .dhcp = network.addressing { return nil }
        guard let match = network.match else {
            throw ProvisioningError(.invalidArgument, LocalizedMessage("provisioning.staticAddressNeedsMatch", ["host": hostname]))
        }
        let matchNode: Node = switch match {
        case .macAddress(let mac): y.mapping([("macaddress", y.string(mac.lowercased()))])
        case .name(let name): y.mapping([("name", y.string(name))])
        }
        var interface: [(String, Node?)] = [("match", matchNode)]
        switch network.addressing {
        case .dhcp:
            interface.append(("dhcp4", y.bool(true)))
        case .staticAddress(let config):
            let isIPv6 = config.address.contains(":")
            interface.append(("dhcp4", y.bool(false)))
            interface.append(("addresses", y.strings(["\(config.address)/\(config.prefixLength)"])))
            if let gateway = config.gateway {
                interface.append(("routes", y.sequence([
                    y.mapping([("to", y.string(isIPv6 ? "::/0" : "0.0.0.0/0")), ("via", y.string(gateway))]),
                ])))
            }
            if !config.dnsServers.isEmpty || !config.searchDomains.isEmpty {
                interface.append(("nameservers", y.mapping([
                    ("addresses", config.dnsServers.isEmpty ? nil : y.strings(config.dnsServers)),
                    ("search", config.searchDomains.isEmpty ? nil : y.strings(config.searchDomains)),
                ])))
            }
        }
        return y.mapping([
            ("version", y.int(2)),
            ("ethernets", y.mapping([("primary", y.mapping(interface))])),
        ])
    }
}
