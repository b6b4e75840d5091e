import Localization
import Spec

extension HostPlanner {
    mutating func planNetworks() {
        for spec in networks {
            let resource = address(.network, spec.name)
            let first = steps.count
            let desired = builder.network(spec)
            guard let observed = state.network(named: spec.name) else {
                let define = add(resource, .defineNetwork(desired), reason: LocalizedMessage("plan.reason.networkMissing"))
                if spec.active { add(resource, .startNetwork(spec.name), after: [define], reason: LocalizedMessage("plan.reason.networkShouldBeActive")) }
                if spec.autostart {
                    add(resource, .setNetworkAutostart(spec.name, true), after: [define], reason: LocalizedMessage("plan.reason.networkAutostart"))
                }
                record(resource, .create, fields: Self.networkFields(desired, active: spec.active, autostart: spec.autostart), sinceStep: first)
                continue
            }
            if observed.ownership == nil && !spec.metadata.adopt {
                conflict(resource, LocalizedMessage("plan.network.exists", ["name": spec.name]), hint: LocalizedMessage("plan.adoptHint"))
                continue
            }
            let (patch, planned) = Self.networkPatch(desired, observed)
            var fields = planned
            var notes: [LocalizedMessage] = []
            // Stopping first lets a redefinition land directly in the definition libvirt reports.
            var stop: String?
            if !spec.active && observed.active {
                stop = add(resource, .stopNetwork(spec.name), reason: LocalizedMessage("plan.reason.networkShouldBeInactive"))
            }
            var redefine: String?
            if !fields.isEmpty || observed.ownership?.specHash != desired.ownership.specHash || !observed.persistent {
                let reason = fields.isEmpty ? LocalizedMessage("plan.reason.recordOwnership") : Self.ownershipReason(observed: observed.ownership, desiredHash: desired.ownership.specHash)
                redefine = add(resource, .updateNetwork(patch), after: [stop], reason: reason)
                if observed.active && spec.active && !fields.isEmpty {
                    notes.append(LocalizedMessage("plan.note.networkNotRestarted"))
                }
            }
            if spec.active && !observed.active {
                add(resource, .startNetwork(spec.name), after: [redefine], reason: LocalizedMessage("plan.reason.networkInactive"))
                fields.append(FieldChange(field: "active", before: false, after: true))
            } else if stop != nil {
                fields.append(FieldChange(field: "active", before: true, after: false))
            }
            if spec.autostart != observed.autostart {
                add(resource, .setNetworkAutostart(spec.name, spec.autostart), after: [redefine],
                    reason: Self.autostartReason(spec.autostart))
                fields.append(FieldChange(field: "autostart", before: observed.autostart, after: spec.autostart))
            }
            record(resource, .update, fields: fields, sinceStep: first, notes: notes)
        }
    }

    static func networkFields(_ definition: NetworkDefinition, active: Bool, autostart: Bool) -> [FieldChange] {
        var fields = [FieldChange(field: "mode", before: nil, after: definition.mode.rawValue)]
        if let bridge = definition.bridge { fields.append(FieldChange(field: "bridge", before: nil, after: bridge)) }
        if let interface = definition.interface { fields.append(FieldChange(field: "interface", before: nil, after: interface)) }
        if let ipv4 = definition.ipv4 { fields.append(FieldChange(field: "ipv4", before: nil, after: describe(ipv4))) }
        fields.append(FieldChange(field: "active", before: nil, after: active))
        fields.append(FieldChange(field: "autostart", before: nil, after: autostart))
        return fields
    }

    /// The edits that make the network match the manifest, and the same edits as the plan shows them.
    /// Only what the manifest owns: a bridge name libvirt picked (`virbr3`) is not a difference.
    static func networkPatch(_ desired: NetworkDefinition, _ observed: ObservedNetwork) -> (NetworkPatch, [FieldChange]) {
        var patch = NetworkPatch(name: desired.name, uuid: observed.uuid, ownership: desired.ownership)
        var fields: [FieldChange] = []
        if observed.mode != desired.mode {
            patch.mode = desired.mode
            // A new `<forward>` is written whole, with the macvtap interface in it.
            patch.interface = desired.mode == .macvtap ? desired.interface : nil
            fields.append(FieldChange(field: "mode", before: observed.mode?.rawValue ?? observed.forwardModeText ?? "unknown",
                                      after: desired.mode.rawValue))
        }
        if let bridge = desired.bridge, bridge != observed.bridge {
            patch.bridge = bridge
            fields.append(FieldChange(field: "bridge", before: observed.bridge ?? "none", after: bridge))
        }
        if desired.mode == .macvtap, desired.interface != observed.interface {
            patch.interface = desired.interface
            fields.append(FieldChange(field: "interface", before: observed.interface ?? "none", after: desired.interface ?? "none"))
        }
        if desired.mode.libvirtManagesAddressing, desired.ipv4 != observed.ipv4 {
            patch.ipv4 = NetworkPatch.IPv4Edit(desired.ipv4)
            fields.append(FieldChange(field: "ipv4", before: observed.ipv4.map(describe) ?? "none",
                                      after: desired.ipv4.map(describe) ?? "none"))
        }
        return (patch, fields)
    }

    static func describe(_ ipv4: IPv4Config) -> String {
        let dhcp = ipv4.dhcp.map { ", dhcp \($0.start)-\($0.end)" } ?? ""
        return "\(ipv4.address)/\(ipv4.prefix)\(dhcp)"
    }
}
