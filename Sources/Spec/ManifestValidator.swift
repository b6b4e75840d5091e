/// Checks across documents: duplicates, references and settings that contradict each other.
struct ManifestValidator {
    let set: ManifestSet

    func validate() -> [Diagnostic] {
        duplicateNames() + hypervisorReferences() + networkRules() + subnetAndBridgeClashes()
            + virtualMachineReferences() + collisions() + reservedNames()
    }

    private func duplicateNames() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check(_ items: [(name: String, scope: String, location: SourceLocation)], kind: String) {
            var seen: [String: SourceLocation] = [:]
            for item in items {
                let key = "\(item.scope)/\(item.name)"
                if let first = seen[key] {
                    let scope = item.scope.isEmpty ? "" : " on hypervisor '\(item.scope)'"
                    diagnostics.append(Diagnostic(item.location, field: "metadata.name",
                                                  "metadata.name: duplicate \(kind) '\(item.name)'\(scope) (first declared at \(first))"))
                } else {
                    seen[key] = item.location
                }
            }
        }
        check(set.hypervisors.map { ($0.name, "", $0.metadata.location) }, kind: "Hypervisor")
        check(set.networks.map { ($0.name, $0.hypervisor, $0.metadata.location) }, kind: "Network")
        check(set.pools.map { ($0.name, $0.hypervisor, $0.metadata.location) }, kind: "StoragePool")
        check(set.virtualMachines.map { ($0.name, $0.hypervisor, $0.metadata.location) }, kind: "VirtualMachine")
        check(set.distributions.map { ($0.name, "", $0.metadata.location) }, kind: "Distribution")
        return diagnostics
    }

    private func hypervisorReferences() -> [Diagnostic] {
        let names = set.hypervisors.map(\.name)
        let references: [(String, SourceLocation, String)] =
            set.networks.map { ($0.hypervisor, $0.metadata.location(of: "spec.hypervisor"), "Network '\($0.name)'") }
            + set.pools.map { ($0.hypervisor, $0.metadata.location(of: "spec.hypervisor"), "StoragePool '\($0.name)'") }
            + set.virtualMachines.map { ($0.hypervisor, $0.metadata.location(of: "spec.hypervisor"), "VirtualMachine '\($0.name)'") }
        return references.compactMap { hypervisor, location, owner in
            guard !hypervisor.isEmpty, !names.contains(hypervisor) else { return nil }
            return Diagnostic(location, field: "spec.hypervisor",
                              "spec.hypervisor: \(owner) names hypervisor '\(hypervisor)', which is not declared\(Suggestion.didYouMean(hypervisor, among: names))")
        }
    }

    private func networkRules() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for network in set.networks {
            /// Reported at `field`, or at `near` (the field that asks for it) when it is absent.
            func problem(_ field: String, near: String? = nil, _ message: String) {
                let at = network.metadata.location(of: field, near ?? field)
                diagnostics.append(Diagnostic(at, field: field, "\(field): network '\(network.name)': \(message)"))
            }
            switch network.mode {
            case .macvtap:
                if network.interface == nil { problem("spec.interface", near: "spec.mode", "macvtap mode needs spec.interface, the host NIC to attach to") }
                if network.ipv4 != nil { problem("spec.ipv4", "macvtap guests get addresses from the physical network; remove ipv4") }
            case .bridge:
                if network.bridge == nil { problem("spec.bridge", near: "spec.mode", "bridge mode needs spec.bridge, an existing host bridge such as br0") }
                if network.ipv4 != nil { problem("spec.ipv4", "a host bridge is addressed by the host, not libvirt; remove ipv4") }
            case .nat, .isolated:
                if network.interface != nil { problem("spec.interface", "only macvtap networks use spec.interface") }
                guard let ipv4 = network.ipv4, let address = IPv4Address(ipv4.address) else { continue }
                let subnet = address.network(prefix: ipv4.prefix)
                if address == subnet {
                    problem("spec.ipv4.address", "\(ipv4.address) is the network address of \(subnet)/\(ipv4.prefix); use a host address such as \(IPv4Address(subnet.value + 1))")
                }
                if let dhcp = ipv4.dhcp, let start = IPv4Address(dhcp.start), let end = IPv4Address(dhcp.end) {
                    for (field, value) in [("start", start), ("end", end)] where !value.isInSubnet(subnet, prefix: ipv4.prefix) {
                        problem("spec.ipv4.dhcp.\(field)", "\(value) is outside the subnet \(subnet)/\(ipv4.prefix)")
                    }
                    if start > end { problem("spec.ipv4.dhcp", "the range starts at \(start) after it ends at \(end)") }
                    if start <= address && address <= end { problem("spec.ipv4.dhcp", "the range \(start)-\(end) contains the host address \(address)") }
                }
            }
        }
        return diagnostics
    }

    private func subnetAndBridgeClashes() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let byHost = Dictionary(grouping: set.networks, by: \.hypervisor)
        for (hypervisor, networks) in byHost.sorted(by: { $0.key < $1.key }) {
            for (index, network) in networks.enumerated() {
                for other in networks[..<index] {
                    if let bridge = network.bridge, bridge == other.bridge, network.mode != .bridge || other.mode != .bridge {
                        diagnostics.append(Diagnostic(network.metadata.location(of: "spec.bridge"), field: "spec.bridge",
                                                      "spec.bridge: networks '\(other.name)' and '\(network.name)' both claim bridge '\(bridge)' on hypervisor '\(hypervisor)'"))
                    }
                    if let a = network.ipv4, let b = other.ipv4, let addressA = IPv4Address(a.address),
                       let addressB = IPv4Address(b.address) {
                        let prefix = min(a.prefix, b.prefix)
                        if addressA.isInSubnet(addressB, prefix: prefix) {
                            diagnostics.append(Diagnostic(network.metadata.location(of: "spec.ipv4"), field: "spec.ipv4",
                                                          "spec.ipv4: network '\(network.name)' (\(addressA.network(prefix: a.prefix))/\(a.prefix)) overlaps '\(other.name)' (\(addressB.network(prefix: b.prefix))/\(b.prefix)) on hypervisor '\(hypervisor)'"))
                        }
                    }
                }
            }
        }
        return diagnostics
    }

    private func virtualMachineReferences() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for vm in set.virtualMachines {
            let networks = set.networks.filter { $0.hypervisor == vm.hypervisor }.map(\.name)
            let pools = set.pools.filter { $0.hypervisor == vm.hypervisor }.map(\.name)
            for (index, attachment) in vm.networks.enumerated() where !networks.contains(attachment.network) {
                diagnostics.append(Diagnostic(attachment.location, field: "spec.networks[\(index)]",
                                              "spec.networks[\(index)]: VM '\(vm.name)' uses network '\(attachment.network)', which is not declared on hypervisor '\(vm.hypervisor)'\(Suggestion.didYouMean(attachment.network, among: networks))"))
            }
            var macs: Set<String> = []
            for (index, attachment) in vm.networks.enumerated() {
                if let mac = attachment.mac, !macs.insert(mac).inserted {
                    diagnostics.append(Diagnostic(attachment.location, field: "spec.networks[\(index)].mac",
                                                  "spec.networks[\(index)].mac: \(mac) is used twice in VM '\(vm.name)'"))
                }
            }
            if vm.agent != nil && vm.bootDistribution == nil {
                diagnostics.append(Diagnostic(vm.metadata.location(of: "spec.agent"), field: "spec.agent",
                                              "spec.agent: VM '\(vm.name)' installs an agent but boots no Distribution image (give a disk `from:`)"))
            }
            if vm.agent != nil, let name = vm.bootDistribution, let distribution = set.distribution(named: name),
               distribution.agentInstall.isEmpty {
                diagnostics.append(Diagnostic(vm.metadata.location(of: "spec.agent"), field: "spec.agent",
                                              "spec.agent: VM '\(vm.name)' asks for an agent, but Distribution '\(name)' has no agentInstall commands (no agent package is published for it)"))
            }
            if vm.agent != nil && vm.networks.isEmpty {
                diagnostics.append(Diagnostic(vm.metadata.location(of: "spec.networks"), field: "spec.networks",
                                              "spec.networks: VM '\(vm.name)' installs an agent over SSH, so it needs a network"))
            }
            if vm.disks.filter({ $0.from != nil }).count > 1 {
                diagnostics.append(Diagnostic(vm.metadata.location(of: "spec.disks"), field: "spec.disks",
                                              "spec.disks: VM '\(vm.name)' may start only one disk from an image"))
            }
            diagnostics += cdromReferences(vm, pools: pools)
            var diskNames: Set<String> = []
            for (index, disk) in vm.disks.enumerated() {
                if !diskNames.insert(disk.name).inserted {
                    diagnostics.append(Diagnostic(disk.location, field: "spec.disks[\(index)].name",
                                                  "spec.disks[\(index)].name: VM '\(vm.name)' has two disks named '\(disk.name)'"))
                }
                if !disk.pool.isEmpty, !pools.contains(disk.pool) {
                    diagnostics.append(Diagnostic(disk.location, field: "spec.disks[\(index)].pool",
                                                  "spec.disks[\(index)].pool: disk '\(disk.name)' of VM '\(vm.name)' uses pool '\(disk.pool)', which is not declared on hypervisor '\(vm.hypervisor)'\(Suggestion.didYouMean(disk.pool, among: pools))"))
                }
                if let from = disk.from, set.distribution(named: from) == nil {
                    diagnostics.append(Diagnostic(disk.location, field: "spec.disks[\(index)].from",
                                                  "spec.disks[\(index)].from: Distribution '\(from)' is not declared\(Suggestion.didYouMean(from, among: set.distributions.map(\.name)))"))
                }
            }
        }
        return diagnostics
    }
}
