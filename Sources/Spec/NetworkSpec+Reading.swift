import Localization

extension NetworkSpec {
    static func read(_ spec: FieldReader, metadata: ResourceMetadata) -> NetworkSpec {
        let hypervisor = spec.string("hypervisor") ?? ""
        let mode = spec.choice("mode", default: NetworkMode.nat) ?? .nat
        let bridge = spec.string("bridge")
        let interface = spec.string("interface")
        for (key, name) in [("bridge", bridge), ("interface", interface)] {
            if let name, !Naming.isValidInterfaceName(name) {
                spec.error(key, LocalizedMessage("spec.invalidInterfaceName", ["name": name]))
            }
        }
        var ipv4: IPv4Config?
        if let reader = spec.mappingReader("ipv4") {
            ipv4 = IPv4Config.read(reader)
        }
        let autostart = spec.bool("autostart", default: true)
        let active = spec.bool("active", default: true)
        spec.rejectUnknownKeys()
        return NetworkSpec(metadata: metadata, hypervisor: hypervisor, mode: mode, bridge: bridge,
                           interface: interface, ipv4: ipv4, autostart: autostart, active: active)
    }
}

extension IPv4Config {
    static func read(_ reader: FieldReader) -> IPv4Config? {
        let address = reader.requiredString("address", hint: LocalizedMessage("spec.hintNetworkAddress"))
        let prefix = reader.int("prefix")
        if reader.node("prefix") == nil { reader.missing("prefix", hint: LocalizedMessage("spec.hintForExample", ["example": "24"])) }
        var dhcp: DHCPRange?
        if let range = reader.mappingReader("dhcp") {
            let start = range.requiredString("start")
            let end = range.requiredString("end")
            for (key, value) in [("start", start), ("end", end)] {
                if let value, IPv4Address(value) == nil { range.error(key, LocalizedMessage("spec.invalidIPv4Address", ["value": value])) }
            }
            range.rejectUnknownKeys()
            if let start, let end { dhcp = DHCPRange(start: start, end: end) }
        }
        reader.rejectUnknownKeys()
        if let address, IPv4Address(address) == nil { reader.error("address", LocalizedMessage("spec.invalidIPv4Address", ["value": address])) }
        if let prefix, !(8...30).contains(prefix) { reader.error("prefix", LocalizedMessage("spec.prefixOutOfRange", ["value": String(prefix)])) }
        guard let address, let prefix else { return nil }
        return IPv4Config(address: address, prefix: prefix, dhcp: dhcp)
    }
}
