import Localization
import Spec

extension HostPlanner {
    /// libvirt's stock NAT network, as Debian and Fedora ship it.
    static let defaultNetwork = NetworkSpec(
        metadata: ResourceMetadata(name: "default", location: SourceLocation(file: "(state: ready)", line: 0, column: 0)),
        hypervisor: "", mode: .nat, bridge: "virbr0",
        ipv4: IPv4Config(address: "192.168.122.1", prefix: 24,
                         dhcp: IPv4Config.DHCPRange(start: "192.168.122.2", end: "192.168.122.254")))
    static let defaultPoolName = "default"
    static let defaultPoolPath = "/var/lib/libvirt/images"

    /// Names of the objects a `state: ready` host gets without declaring them, so prune keeps them.
    var implicitNetworkNames: [String] {
        hypervisor.state == .ready && !networks.contains { $0.name == Self.defaultNetwork.name } ? [Self.defaultNetwork.name] : []
    }

    /// A ready host has the default network and pool unless the manifests declare their own. Only
    /// what is missing is added: an existing `default` of any origin is kept as it is, started and
    /// set to autostart, never redefined.
    mutating func planDefaults() {
        guard hypervisor.state == .ready else { return }
        if !implicitNetworkNames.isEmpty { planDefaultNetwork() }
        if !pools.contains(where: { $0.name == Self.defaultPoolName }) { planDefaultPool() }
    }

    private mutating func planDefaultNetwork() {
        var spec = Self.defaultNetwork
        spec.hypervisor = name
        let resource = address(.network, spec.name)
        let first = steps.count
        guard let observed = state.network(named: spec.name) else {
            let define = add(resource, .defineNetwork(builder.network(spec)), reason: LocalizedMessage("plan.reason.defaultNetwork"))
            add(resource, .startNetwork(spec.name), after: [define], reason: LocalizedMessage("plan.reason.networkShouldBeActive"))
            add(resource, .setNetworkAutostart(spec.name, true), after: [define], reason: LocalizedMessage("plan.reason.networkAutostart"))
            record(resource, .create, fields: Self.networkFields(builder.network(spec), active: true, autostart: true), sinceStep: first)
            return
        }
        var fields: [FieldChange] = []
        if !observed.active {
            add(resource, .startNetwork(spec.name), reason: LocalizedMessage("plan.reason.defaultNetworkInactive"))
            fields.append(FieldChange(field: "active", before: false, after: true))
        }
        if !observed.autostart {
            add(resource, .setNetworkAutostart(spec.name, true), reason: LocalizedMessage("plan.reason.defaultNetworkAutostart"))
            fields.append(FieldChange(field: "autostart", before: false, after: true))
        }
        record(resource, .update, fields: fields, sinceStep: first)
    }

    private mutating func planDefaultPool() {
        let resource = address(.pool, Self.defaultPoolName)
        let first = steps.count
        guard let observed = state.pool(named: Self.defaultPoolName) else {
            let definition = PoolDefinition(name: Self.defaultPoolName, type: .dir, path: Self.defaultPoolPath)
            let define = add(resource, .definePool(definition), reason: LocalizedMessage("plan.reason.defaultPool"))
            let build = add(resource, .buildPool(Self.defaultPoolName), after: [define], reason: LocalizedMessage("plan.reason.poolDirectory", ["path": Self.defaultPoolPath]))
            add(resource, .startPool(Self.defaultPoolName), after: [build], reason: LocalizedMessage("plan.reason.poolShouldBeActive"))
            add(resource, .setPoolAutostart(Self.defaultPoolName, true), after: [define], reason: LocalizedMessage("plan.reason.poolAutostart"))
            record(resource, .create, fields: [
                FieldChange(field: "type", before: nil, after: "dir"),
                FieldChange(field: "path", before: nil, after: Self.defaultPoolPath),
                FieldChange(field: "active", before: nil, after: true),
                FieldChange(field: "autostart", before: nil, after: true),
            ], sinceStep: first)
            return
        }
        var fields: [FieldChange] = []
        if !observed.active {
            let build = add(resource, .buildPool(Self.defaultPoolName), reason: LocalizedMessage("plan.reason.poolDirectoryBeforeStart"))
            add(resource, .startPool(Self.defaultPoolName), after: [build], reason: LocalizedMessage("plan.reason.defaultPoolInactive"))
            fields.append(FieldChange(field: "active", before: false, after: true))
        }
        if !observed.autostart {
            add(resource, .setPoolAutostart(Self.defaultPoolName, true), reason: LocalizedMessage("plan.reason.defaultPoolAutostart"))
            fields.append(FieldChange(field: "autostart", before: false, after: true))
        }
        record(resource, .update, fields: fields, sinceStep: first)
    }
}
