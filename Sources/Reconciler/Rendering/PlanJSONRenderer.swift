import Foundation

/// The plan for machines: stable field names, `formatVersion` for compatibility, English text whatever
/// the locale.
public struct PlanJSONRenderer: Sendable {
    public init() {}

    /// A conflict as plan and apply reports both show it.
    public struct ConflictEntry: Encodable, Sendable {
        var resource: String
        var message: String
        var hint: String
        /// `conflict`, `unreachable-image` or `unprepared-seed`.
        var cause: String

        public init(_ conflict: Conflict) {
            resource = conflict.address.description
            message = conflict.message.english
            hint = conflict.hint.english
            cause = conflict.cause.rawValue
        }
    }

    struct Document: Encodable {
        struct StepEntry: Encodable {
            var id: String
            var kind: String
            var resource: String
            var hypervisor: String
            var dependsOn: [String]
            var reason: String
        }

        /// A field's values as JSON values: `4` and `true`, not `"4"` and `"true"`; absent when nil.
        struct FieldEntry: Encodable {
            var change: FieldChange

            enum CodingKeys: String, CodingKey { case field, before, after, timing }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(change.field, forKey: .field)
                for (key, value) in [(CodingKeys.before, change.before), (.after, change.after)] {
                    guard let value else { continue }
                    switch change.kind {
                    case .number where Int(value) != nil: try container.encode(Int(value), forKey: key)
                    case .boolean where Bool(value) != nil: try container.encode(Bool(value), forKey: key)
                    default: try container.encode(value, forKey: key)
                    }
                }
                try container.encodeIfPresent(change.timing?.rawValue, forKey: .timing)
            }
        }

        struct ResourceEntry: Encodable {
            var address: String
            var kind: String
            var name: String
            var hypervisor: String
            var change: String
            var fields: [FieldEntry]
            var steps: [String]
            var notes: [String]
            /// Present (true) only when a running guest waits for a restart the plan does not make.
            var restartPending: Bool?
        }

        /// A running guest whose definition already holds next-boot changes: not a change, not a conflict.
        struct PendingRestartEntry: Encodable {
            var resource: String
            var name: String
            var hypervisor: String
            var fields: [FieldEntry]
        }

        /// 2: field values are JSON numbers and booleans where they are numbers and booleans.
        var formatVersion = 2
        var targets: [Plan.Target]
        var steps: [StepEntry]
        var resources: [ResourceEntry]
        var conflicts: [ConflictEntry]
        var notices: [String]
        var summary: Plan.Summary
        var observedFingerprint: String
        var blockers: [PreflightBlocker] = []
        var unreachable: [UnreachableHost] = []
        var pendingRestarts: [PendingRestartEntry] = []
        /// True only when nothing would change and nothing is left alone (no conflict, no blocker).
        var converged = false
    }

    public func render(_ plan: Plan) -> String {
        var document = Document(
            targets: plan.targets,
            steps: plan.steps.map {
                .init(id: $0.id, kind: $0.kind.rawValue, resource: $0.resource.description,
                      hypervisor: $0.resource.hypervisor, dependsOn: $0.dependsOn, reason: $0.reason.english)
            },
            resources: plan.resources.map {
                .init(address: $0.address.description, kind: $0.address.kind.rawValue, name: $0.address.name,
                      hypervisor: $0.address.hypervisor, change: $0.change.rawValue, fields: $0.fields.map(Document.FieldEntry.init),
                      steps: $0.stepIDs, notes: $0.notes.map(\.english), restartPending: $0.restartPending == true ? true : nil)
            },
            conflicts: plan.conflicts.map(ConflictEntry.init),
            notices: plan.notices.map(\.english),
            summary: plan.summary,
            observedFingerprint: plan.observedFingerprint)
        document.blockers = plan.blockers
        document.unreachable = plan.unreachable
        document.pendingRestarts = plan.pendingRestarts.map {
            .init(resource: $0.address.description, name: $0.address.name, hypervisor: $0.address.hypervisor,
                  fields: $0.fields.map(Document.FieldEntry.init))
        }
        document.converged = plan.isConverged
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else {
            return "{}\n"
        }
        return text + "\n"
    }
}
