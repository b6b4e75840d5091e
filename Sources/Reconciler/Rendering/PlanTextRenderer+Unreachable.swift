extension PlanTextRenderer {
    /// Hypervisors that sat the pass out, with the reason libvirt gave.
    func unreachableLines(_ plan: Plan) -> [String] {
        guard !plan.unreachable.isEmpty else { return [] }
        var lines = [style.bold("Unreachable (nothing planned for these hypervisors):")]
        for host in plan.unreachable {
            lines.append("  \(style.red("✗")) \(safe(host.hypervisor)) (\(safe(host.uri))): \(safe(host.reason))")
            for hint in host.hints(.current) { lines.append("      hint: \(safe(hint))") }
        }
        lines.append("")
        return lines
    }
}
