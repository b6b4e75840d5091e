extension Plan {
    /// Nothing to change and nothing left alone: the hosts match the manifests.
    public var isConverged: Bool { steps.isEmpty && conflicts.isEmpty && blockers.isEmpty && unreachable.isEmpty }

    /// Whether anything declared is left alone (a conflict) or a host cannot be changed (a blocker):
    /// applying this plan cannot make the hosts match the manifests.
    public var leavesSomethingAlone: Bool { !conflicts.isEmpty || !blockers.isEmpty || !unreachable.isEmpty }

    /// "2 resources left alone (1 conflict, 1 unreachable image)", "1 preflight blocker", both joined
    /// by "; ", or nil when nothing is left alone.
    public var leftAloneSummary: String? {
        var parts: [String] = []
        if !conflicts.isEmpty {
            let resources = Set(conflicts.map(\.address)).count
            var counts: [Conflict.Cause: Int] = [:]
            for conflict in conflicts { counts[conflict.cause, default: 0] += 1 }
            let causes = [Conflict.Cause.conflict, .unreachableImage, .unpreparedSeed].compactMap { cause in
                counts[cause].map { cause.counted($0) }
            }
            parts.append("\(resources) resource\(resources == 1 ? "" : "s") left alone (\(causes.joined(separator: ", ")))")
        }
        if !blockers.isEmpty {
            parts.append("\(blockers.count) preflight blocker\(blockers.count == 1 ? "" : "s")")
        }
        if !unreachable.isEmpty {
            parts.append("\(unreachable.count) hypervisor\(unreachable.count == 1 ? "" : "s") unreachable")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
