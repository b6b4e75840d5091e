import Spec

extension HostPlanner {
    mutating func planPools() {
        for spec in pools {
            let resource = address(.pool, spec.name)
            let first = steps.count
            guard let observed = state.pool(named: spec.name) else {
                let define = add(resource, .definePool(builder.pool(spec)), reason: "storage pool does not exist")
                let build = add(resource, .buildPool(spec.name), after: [define], reason: "create the pool's directory \(spec.path)")
                if spec.active { add(resource, .startPool(spec.name), after: [build], reason: "pool should be active") }
                if spec.autostart {
                    add(resource, .setPoolAutostart(spec.name, true), after: [define], reason: "pool should start on boot")
                }
                record(resource, .create, fields: [
                    FieldChange(field: "type", before: nil, after: spec.type.rawValue),
                    FieldChange(field: "path", before: nil, after: spec.path),
                    FieldChange(field: "active", before: nil, after: spec.active),
                    FieldChange(field: "autostart", before: nil, after: spec.autostart),
                ], sinceStep: first)
                continue
            }
            // Pools have nowhere to record an owner, and their volumes live under the path:
            // a pool is never redefined or deleted, only matched.
            guard observed.type == spec.type.rawValue, Self.samePath(observed.path, spec.path) else {
                conflict(resource, "storage pool '\(spec.name)' exists as a \(observed.type) pool at \(observed.path ?? "no path"), but the manifest declares a \(spec.type.rawValue) pool at \(spec.path)",
                         hint: "reconcile never moves a pool under its volumes: use the existing path in the manifest, or another pool name")
                continue
            }
            var fields: [FieldChange] = []
            if spec.active && !observed.active {
                let build = add(resource, .buildPool(spec.name), reason: "make sure the pool's directory exists before starting it")
                add(resource, .startPool(spec.name), after: [build], reason: "pool is inactive and should be active")
                fields.append(FieldChange(field: "active", before: false, after: true))
            }
            if spec.autostart != observed.autostart {
                add(resource, .setPoolAutostart(spec.name, spec.autostart),
                    reason: spec.autostart ? "autostart is off and should be on" : "autostart is on and should be off")
                fields.append(FieldChange(field: "autostart", before: observed.autostart, after: spec.autostart))
            }
            record(resource, .update, fields: fields, sinceStep: first)
        }
    }

    static func samePath(_ observed: String?, _ declared: String) -> Bool {
        func trimmed(_ path: String) -> String {
            path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        }
        return observed.map(trimmed) == trimmed(declared)
    }

    /// The last step that readies a pool for volumes, if the plan touches the pool.
    func poolReadyStep(_ pool: String) -> String? {
        let resource = address(.pool, pool)
        return stepID(.startPool, resource) ?? stepID(.buildPool, resource) ?? stepID(.definePool, resource)
    }
}
