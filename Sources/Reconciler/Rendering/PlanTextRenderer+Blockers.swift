extension PlanTextRenderer {
    func blockerLines(_ plan: Plan) -> [String] {
        guard !plan.blockers.isEmpty else { return [] }
        var lines = [style.bold(localizer.text("plan.blockersHeader"))]
        for blocker in plan.blockers {
            lines.append("  \(style.red("✗")) \(safe(blocker.hypervisor)): \(safe(blocker.message.text(localizer)))")
            lines.append("      hint: \(safe(blocker.hint.text(localizer)))")
        }
        lines.append("")
        return lines
    }
}
