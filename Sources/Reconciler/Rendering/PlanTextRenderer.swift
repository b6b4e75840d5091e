import HostCommands
import Spec

/// The plan as people read it, in Terraform's manner: a block per resource with `+ ~ - -/+`,
/// field-level before → after, and a closing count. Every name, path, message and value in it may come
/// from a host or a manifest, so each passes through `TerminalText.escape` before it is styled.
public struct PlanTextRenderer: Sendable {
    public var style: TerminalStyle

    public init(style: TerminalStyle = .plain) {
        self.style = style
    }

    public func render(_ plan: Plan) -> String {
        var lines: [String] = []
        let byHost = Dictionary(grouping: plan.resources, by: \.address.hypervisor)
        for target in plan.targets {
            guard let resources = byHost[target.name], !resources.isEmpty else { continue }
            lines.append(style.bold("Hypervisor \(safe(target.name)) (\(safe(target.uri)))"))
            lines.append("")
            for resource in resources {
                lines += block(resource, plan: plan)
                lines.append("")
            }
        }
        if !plan.conflicts.isEmpty {
            lines.append(style.bold("Conflicts (left alone):"))
            for conflict in plan.conflicts {
                lines.append("  \(style.red("!")) \(conflict.address.kind.displayName) \"\(safe(conflict.address.name))\" on \(safe(conflict.address.hypervisor)): \(safe(conflict.message))")
                lines.append("      hint: \(safe(conflict.hint))")
            }
            lines.append("")
        }
        lines += blockerLines(plan)
        lines += unreachableLines(plan)
        if !plan.notices.isEmpty {
            lines.append(style.bold("Notices:"))
            lines += plan.notices.map { "  - \(safe($0))" }
            lines.append("")
        }
        lines += pendingRestartLines(plan)
        if plan.hasChanges {
            let summary = plan.summary
            lines.append("Plan: \(summary.create) to create, \(summary.update) to update, \(summary.delete) to delete.")
            if let leftAlone = plan.leftAloneSummary {
                lines.append("Apply cannot converge: \(leftAlone), listed above.")
            }
        } else if let leftAlone = plan.leftAloneSummary {
            // Never "the hosts match" while something declared is left alone: that hides a failure.
            lines.append("No changes planned, but the hosts do not match the manifests: \(leftAlone), listed above.")
        } else {
            lines.append("No changes. The hosts match the manifests." + (plan.pendingRestarts.isEmpty ? "" : " A restart is pending, listed above."))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func symbol(_ change: ChangeType) -> String {
        switch change {
        case .create: style.green(change.symbol)
        case .update: style.yellow(change.symbol)
        case .replace: style.magenta(change.symbol)
        case .delete: style.red(change.symbol)
        }
    }

    private func block(_ resource: ResourceChange, plan: Plan) -> [String] {
        var lines = ["  \(symbol(resource.change)) \(resource.address.kind.displayName) \"\(safe(resource.address.name))\""]
        let labels = resource.fields.map { safe($0.field) }
        let width = (labels.map(\.count).max() ?? 0) + 1
        // In a block that changes a resource, a field may appear or go away; its mark says which, for
        // readers without colour. A created or deleted resource's mark already says it for every field.
        let marksFields = resource.change == .update || resource.change == .replace
        for (field, name) in zip(resource.fields, labels) {
            let label = (name + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0)
            let (mark, value): (String, String) = switch (field.before.map(safe), field.after.map(safe)) {
            case (nil, let after?): (style.green("+"), after)
            case (let before?, nil): (style.red("-"), style.red(before))
            case (let before?, let after?): (" ", "\(before) → \(after)")
            case (nil, nil): (" ", "")
            }
            let timing = field.timing.map { " (\($0.label))" } ?? ""
            lines.append("    \(marksFields ? mark : " ") \(label) \(value)\(timing)")
        }
        for note in resource.notes {
            lines.append("      \(style.dim("# \(safe(note))"))")
        }
        let steps = resource.stepIDs.compactMap { plan.step(id: $0) }
        let described = steps.map { step in step.kind.rawValue + (step.reason.isEmpty ? "" : " (\(safe(step.reason)))") }
        for (index, text) in described.enumerated() {
            lines.append("      \(style.dim((index == 0 ? "steps: " : "       ") + text))")
        }
        return lines
    }

    /// Guests whose definition waits for their next boot: said on every plan until they restart.
    private func pendingRestartLines(_ plan: Plan) -> [String] {
        guard !plan.pendingRestarts.isEmpty else { return [] }
        var lines = [style.bold("Restart pending (in the definition, not yet in the running guest):")]
        for pending in plan.pendingRestarts {
            let changes = pending.fields.map { "\(safe($0.field)) \(safe($0.before ?? "none")) → \(safe($0.after ?? "none"))" }
            lines.append("  \(style.yellow("~")) virtual machine \"\(safe(pending.address.name))\" on \(safe(pending.address.hypervisor)): \(changes.joined(separator: ", "))")
            lines.append("      \(style.dim("# takes effect at the next boot: reconcile restart \(safe(pending.address.name)), or restartPolicy: ifNeeded"))")
        }
        lines.append("")
        return lines
    }

    func safe(_ text: String) -> String { TerminalText.escape(text) }
}
