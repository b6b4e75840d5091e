extension PlanTextRenderer {
    /// Hypervisors that sat the pass out, with the reason libvirt gave.
    func unreachableLines(_ plan: Plan) -> [String] {
        guard !plan.unreachable.isEmpty else { return [] }
        var lines = [style.bold(localizer.text("plan.unreachableHeader"))]
        for host in plan.unreachable {
            lines.append("  \(style.red("✗")) \(safe(host.hypervisor)) (\(safe(host.uri))): \(safe(host.reason.text(localizer)))")
            for hint in host.hints { lines.append("      hint: \(safe(hint.text(localizer)))") }
        }
        lines.append("")
        return lines
    }
}
