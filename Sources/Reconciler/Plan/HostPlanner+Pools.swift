import Localization
import Spec

extension HostPlanner {
    mutating func planPools() {
        for spec in pools {
            let resource = address(.pool, spec.name)
            let first = steps.count
            guard let observed = state.pool(named: spec.name) else {
                let define = add(resource, .definePool(builder.pool(spec)), reason: LocalizedMessage("plan.reason.poolMissing"))
                let build = add(resource, .buildPool(spec.name), after: [define], reason: LocalizedMessage("plan.reason.poolDirectory", ["path": spec.path]))
                if spec.active { add(resource, .startPool(spec.name), after: [build], reason: LocalizedMessage("plan.reason.poolShouldBeActive")) }
                if spec.autostart {
                    add(resource, .setPoolAutostart(spec.name, true), after: [define], reason: LocalizedMessage("plan.reason.poolAutostart"))
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
                conflict(resource, LocalizedMessage("plan.pool.mismatch", [
                             "name": spec.name, "observedType": observed.type, "observedPath": observed.path ?? "no path",
                             "type": spec.type.rawValue, "path": spec.path,
                         ]),
                         hint: LocalizedMessage("plan.pool.mismatchHint"))
                continue
            }
            var fields: [FieldChange] = []
            if spec.active && !observed.active {
                let build = add(resource, .buildPool(spec.name), reason: LocalizedMessage("plan.reason.poolDirectoryBeforeStart"))
                add(resource, .startPool(spec.name), after: [build], reason: LocalizedMessage("plan.reason.poolInactive"))
                fields.append(FieldChange(field: "active", before: false, after: true))
            }
            if spec.autostart != observed.autostart {
                add(resource, .setPoolAutostart(spec.name, spec.autostart),
                    reason: Self.autostartReason(spec.autostart))
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
