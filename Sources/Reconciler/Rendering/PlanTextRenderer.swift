/// The plan as people read it, in Terraform's manner: a block per resource with `+ ~ - -/+`,
/// field-level before → after, and a closing count.
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
            lines.append(style.bold("Hypervisor \(target.name) (\(target.uri))"))
            lines.append("")
            for resource in resources {
                lines += block(resource, plan: plan)
                lines.append("")
            }
        }
        if !plan.conflicts.isEmpty {
            lines.append(style.bold("Conflicts (left alone):"))
            for conflict in plan.conflicts {
                lines.append("  \(style.red("!")) \(conflict.address.kind.displayName) \"\(conflict.address.name)\" on \(conflict.address.hypervisor): \(conflict.message)")
                lines.append("      hint: \(conflict.hint)")
            }
            lines.append("")
        }
        lines += blockerLines(plan)
        if !plan.notices.isEmpty {
            lines.append(style.bold("Notices:"))
            lines += plan.notices.map { "  - \($0)" }
            lines.append("")
        }
        if plan.hasChanges {
            let summary = plan.summary
            lines.append("Plan: \(summary.create) to create, \(summary.update) to update, \(summary.delete) to delete.")
        } else if plan.blockers.isEmpty {
            lines.append("No changes. The hosts match the manifests.")
        } else {
            lines.append("No changes planned, but the blockers above must be fixed first.")
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
        var lines = ["  \(symbol(resource.change)) \(resource.address.kind.displayName) \"\(resource.address.name)\""]
        let width = (resource.fields.map(\.field.count).max() ?? 0) + 1
        for field in resource.fields {
            let label = (field.field + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0)
            let value: String = switch (field.before, field.after) {
            case (nil, let after?): after
            case (let before?, nil): style.red(before)
            case (let before?, let after?): "\(before) → \(after)"
            case (nil, nil): ""
            }
            lines.append("      \(label) \(value)")
        }
        for note in resource.notes {
            lines.append("      \(style.dim("# \(note)"))")
        }
        let steps = resource.stepIDs.compactMap { plan.step(id: $0) }
        let described = steps.map { step in step.kind.rawValue + (step.reason.isEmpty ? "" : " (\(step.reason))") }
        for (index, text) in described.enumerated() {
            lines.append("      \(style.dim((index == 0 ? "steps: " : "       ") + text))")
        }
        return lines
    }
}
