import HostCommands
import Localization
import Spec

/// The plan as people read it, in Terraform's manner: a block per resource with `+ ~ - -/+`,
/// field-level before → after, and a closing count. Every name, path, message and value in it may come
/// from a host or a manifest, so each passes through `TerminalText.escape` before it is styled. Words
/// are in `localizer`'s language; step kinds, field paths, names and values never are translated.
public struct PlanTextRenderer: Sendable {
    public var style: TerminalStyle
    public var localizer: Localizer

    public init(style: TerminalStyle = .plain, localizer: Localizer = .current) {
        self.style = style
        self.localizer = localizer
    }

    public func render(_ plan: Plan) -> String {
        var lines: [String] = []
        let byHost = Dictionary(grouping: plan.resources, by: \.address.hypervisor)
        for target in plan.targets {
            guard let resources = byHost[target.name], !resources.isEmpty else { continue }
            lines.append(style.bold(localizer.text("plan.hypervisorHeader", ["name": safe(target.name), "uri": safe(target.uri)])))
            lines.append("")
            for resource in resources {
                lines += block(resource, plan: plan)
                lines.append("")
            }
        }
        if !plan.conflicts.isEmpty {
            lines.append(style.bold(localizer.text("plan.conflictsHeader")))
            for conflict in plan.conflicts {
                let what = localizer.text("plan.conflictLine", [
                    "kind": conflict.address.kind.displayName, "name": safe(conflict.address.name),
                    "hypervisor": safe(conflict.address.hypervisor), "message": safe(conflict.message.text(localizer)),
                ])
                lines.append("  \(style.red("!")) \(what)")
                lines.append("      hint: \(safe(conflict.hint.text(localizer)))")
            }
            lines.append("")
        }
        lines += blockerLines(plan)
        lines += unreachableLines(plan)
        if !plan.notices.isEmpty {
            lines.append(style.bold(localizer.text("plan.noticesHeader")))
            lines += plan.notices.map { "  - \(safe($0.text(localizer)))" }
            lines.append("")
        }
        lines += pendingRestartLines(plan)
        lines += closingLines(plan)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The count of changes, and whether applying them makes the hosts match the manifests.
    func closingLines(_ plan: Plan) -> [String] {
        let leftAlone = plan.leftAloneSummary(localizer)
        if plan.hasChanges {
            let summary = plan.summary
            var lines = [localizer.text("plan.summary", [
                "create": String(summary.create), "update": String(summary.update), "delete": String(summary.delete),
            ])]
            if let leftAlone {
                lines.append(localizer.text("plan.cannotConverge", ["leftAlone": leftAlone]))
            }
            return lines
        } else if let leftAlone {
            // Never "the hosts match" while something declared is left alone: that hides a failure.
            return [localizer.text("plan.noChangesButLeftAlone", ["leftAlone": leftAlone])]
        }
        return [plan.pendingRestarts.isEmpty ? localizer.text("plan.noChanges") : localizer.text("plan.noChangesRestartPending")]
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
            let timing = field.timing.map { " (\($0.label.text(localizer)))" } ?? ""
            lines.append("    \(marksFields ? mark : " ") \(label) \(value)\(timing)")
        }
        for note in resource.notes {
            lines.append("      \(style.dim("# \(safe(note.text(localizer)))"))")
        }
        let steps = resource.stepIDs.compactMap { plan.step(id: $0) }
        let described = steps.map { step in
            let reason = step.reason.text(localizer)
            return step.kind.rawValue + (reason.isEmpty ? "" : " (\(safe(reason)))")
        }
        // The continuation lines line up under the first step whatever the label's length.
        let stepsLabel = localizer.text("plan.stepsLabel") + " "
        let indent = String(repeating: " ", count: stepsLabel.terminalColumns)
        for (index, text) in described.enumerated() {
            lines.append("      \(style.dim((index == 0 ? stepsLabel : indent) + text))")
        }
        return lines
    }

    /// Guests whose definition waits for their next boot: said on every plan until they restart.
    private func pendingRestartLines(_ plan: Plan) -> [String] {
        guard !plan.pendingRestarts.isEmpty else { return [] }
        var lines = [style.bold(localizer.text("plan.restartPending.header"))]
        for pending in plan.pendingRestarts {
            let changes = pending.fields.map { "\(safe($0.field)) \(safe($0.before ?? "none")) → \(safe($0.after ?? "none"))" }
            lines.append("  \(style.yellow("~")) " + localizer.text("plan.restartPending.vm", [
                "name": safe(pending.address.name), "hypervisor": safe(pending.address.hypervisor), "changes": changes.joined(separator: ", "),
            ]))
            lines.append("      " + style.dim(localizer.text("plan.restartPending.hint", ["name": safe(pending.address.name)])))
        }
        lines.append("")
        return lines
    }

    func safe(_ text: String) -> String { TerminalText.escape(text) }
}
