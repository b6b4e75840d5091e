import Localization

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
                    let message = item.scope.isEmpty
                        ? LocalizedMessage("spec.duplicateName", ["kind": kind, "name": item.name, "first": first.description])
                        : LocalizedMessage("spec.duplicateNameOnHypervisor", [
                            "kind": kind, "name": item.name, "hypervisor": item.scope, "first": first.description,
                        ])
                    diagnostics.append(Diagnostic(item.location, field: "metadata.name", .field("metadata.name", DiagnosticText(message))))
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
                              .field("spec.hypervisor", DiagnosticText(LocalizedMessage("spec.undeclaredHypervisor", ["owner": owner, "hypervisor": hypervisor]))
                                  + Suggestion.didYouMean(hypervisor, among: names)))
        }
    }

    private func networkRules() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for network in set.networks {
            /// Reported at `field`, or at `near` (the field that asks for it) when it is absent.
            func problem(_ field: String, near: String? = nil, _ message: LocalizedMessage) {
                let at = network.metadata.location(of: field, near ?? field)
                diagnostics.append(Diagnostic(at, field: field, .field(field, DiagnosticText(
                    LocalizedMessage("spec.networkProblemPrefix", ["name": network.name])) + message)))
            }
            switch network.mode {
            case .macvtap:
                if network.interface == nil { problem("spec.interface", near: "spec.mode", LocalizedMessage("spec.macvtapNeedsInterface")) }
                if network.ipv4 != nil { problem("spec.ipv4", LocalizedMessage("spec.macvtapNoIPv4")) }
            case .bridge:
                if network.bridge == nil { problem("spec.bridge", near: "spec.mode", LocalizedMessage("spec.bridgeNeedsBridge")) }
                if network.ipv4 != nil { problem("spec.ipv4", LocalizedMessage("spec.bridgeNoIPv4")) }
            case .nat, .isolated:
                if network.interface != nil { problem("spec.interface", LocalizedMessage("spec.interfaceOnlyMacvtap")) }
                guard let ipv4 = network.ipv4, let address = IPv4Address(ipv4.address) else { continue }
                let subnet = address.network(prefix: ipv4.prefix)
                if address == subnet {
                    problem("spec.ipv4.address", LocalizedMessage("spec.networkAddressIsSubnet", [
                        "address": ipv4.address.description, "subnet": "\(subnet)/\(ipv4.prefix)", "example": IPv4Address(subnet.value + 1).description,
                    ]))
                }
                if let dhcp = ipv4.dhcp, let start = IPv4Address(dhcp.start), let end = IPv4Address(dhcp.end) {
                    for (field, value) in [("start", start), ("end", end)] where !value.isInSubnet(subnet, prefix: ipv4.prefix) {
                        problem("spec.ipv4.dhcp.\(field)", LocalizedMessage("spec.dhcpOutsideSubnet", ["value": value.description, "subnet": "\(subnet)/\(ipv4.prefix)"]))
                    }
                    if start > end { problem("spec.ipv4.dhcp", LocalizedMessage("spec.dhcpRangeReversed", ["start": start.description, "end": end.description])) }
                    if start <= address && address <= end { problem("spec.ipv4.dhcp", LocalizedMessage("spec.dhcpRangeContainsHost", [
                        "start": start.description, "end": end.description, "address": address.description,
                    ])) }
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
                                                      .field("spec.bridge", DiagnosticText(LocalizedMessage("spec.bridgeClaimedTwice", [
                                                          "first": other.name, "second": network.name, "bridge": bridge, "hypervisor": hypervisor,
                                                      ])))))
                    }
                    if let a = network.ipv4, let b = other.ipv4, let addressA = IPv4Address(a.address),
                       let addressB = IPv4Address(b.address) {
                        let prefix = min(a.prefix, b.prefix)
                        if addressA.isInSubnet(addressB, prefix: prefix) {
                            diagnostics.append(Diagnostic(network.metadata.location(of: "spec.ipv4"), field: "spec.ipv4",
                                                          .field("spec.ipv4", DiagnosticText(LocalizedMessage("spec.subnetsOverlap", [
                                                              "name": network.name, "subnet": "\(addressA.network(prefix: a.prefix))/\(a.prefix)",
                                                              "other": other.name, "otherSubnet": "\(addressB.network(prefix: b.prefix))/\(b.prefix)",
                                                              "hypervisor": hypervisor,
                                                          ])))))
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
                                              .field("spec.networks[\(index)]", DiagnosticText(LocalizedMessage("spec.undeclaredNetwork", [
                                                  "vm": vm.name, "network": attachment.network, "hypervisor": vm.hypervisor,
                                              ])) + Suggestion.didYouMean(attachment.network, among: networks))))
            }
            var macs: Set<String> = []
            for (index, attachment) in vm.networks.enumerated() {
                if let mac = attachment.mac, !macs.insert(mac).inserted {
                    diagnostics.append(Diagnostic(attachment.location, field: "spec.networks[\(index)].mac",
                                                  .field("spec.networks[\(index)].mac", DiagnosticText(LocalizedMessage("spec.macUsedTwice", [
                                                      "mac": mac, "vm": vm.name,
                                                  ])))))
                }
            }
            if vm.agent != nil && vm.bootDistribution == nil {
                diagnostics.append(Diagnostic(vm.metadata.location(of: "spec.agent"), field: "spec.agent",
                                              .field("spec.agent", DiagnosticText(LocalizedMessage("spec.agentNeedsImage", ["vm": vm.name])))))
            }
            if vm.agent != nil, let name = vm.bootDistribution, let distribution = set.distribution(named: name),
               distribution.agentInstall.isEmpty {
                diagnostics.append(Diagnostic(vm.metadata.location(of: "spec.agent"), field: "spec.agent",
                                              .field("spec.agent", DiagnosticText(LocalizedMessage("spec.agentNoInstallCommands", [
                                                  "vm": vm.name, "distribution": name,
                                              ])))))
            }
            if vm.agent != nil && vm.networks.isEmpty {
                diagnostics.append(Diagnostic(vm.metadata.location(of: "spec.networks"), field: "spec.networks",
                                              .field("spec.networks", DiagnosticText(LocalizedMessage("spec.agentNeedsNetwork", ["vm": vm.name])))))
            }
            if vm.disks.filter({ $0.from != nil }).count > 1 {
                diagnostics.append(Diagnostic(vm.metadata.location(of: "spec.disks"), field: "spec.disks",
                                              .field("spec.disks", DiagnosticText(LocalizedMessage("spec.oneImageDisk", ["vm": vm.name])))))
            }
            diagnostics += cdromReferences(vm, pools: pools)
            var diskNames: Set<String> = []
            for (index, disk) in vm.disks.enumerated() {
                if !diskNames.insert(disk.name).inserted {
                    diagnostics.append(Diagnostic(disk.location, field: "spec.disks[\(index)].name",
                                                  .field("spec.disks[\(index)].name", DiagnosticText(LocalizedMessage("spec.duplicateDiskName", [
                                                      "vm": vm.name, "disk": disk.name,
                                                  ])))))
                }
                if !disk.pool.isEmpty, !pools.contains(disk.pool) {
                    diagnostics.append(Diagnostic(disk.location, field: "spec.disks[\(index)].pool",
                                                  .field("spec.disks[\(index)].pool", DiagnosticText(LocalizedMessage("spec.undeclaredPool", [
                                                      "disk": disk.name, "vm": vm.name, "pool": disk.pool, "hypervisor": vm.hypervisor,
                                                  ])) + Suggestion.didYouMean(disk.pool, among: pools))))
                }
                if let from = disk.from, set.distribution(named: from) == nil {
                    diagnostics.append(Diagnostic(disk.location, field: "spec.disks[\(index)].from",
                                                  .field("spec.disks[\(index)].from", DiagnosticText(LocalizedMessage("spec.undeclaredDistribution", [
                                                      "distribution": from,
                                                  ])) + Suggestion.didYouMean(from, among: set.distributions.map(\.name)))))
                }
            }
        }
        return diagnostics
    }
}
