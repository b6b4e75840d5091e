extension PlanTextRenderer {
    func blockerLines(_ plan: Plan) -> [String] {
        guard !plan.blockers.isEmpty else { return [] }
        var lines = [style.bold("Blockers (apply changes nothing on these hosts until they are fixed):")]
        for blocker in plan.blockers {
            lines.append("  \(style.red("✗")) \(safe(blocker.hypervisor)): \(safe(blocker.message))")
            lines.append("      hint: \(safe(blocker.hint))")
        }
        lines.append("")
        return lines
    }
}
