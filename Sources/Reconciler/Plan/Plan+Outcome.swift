import Localization

extension Plan {
    /// Nothing to change and nothing left alone: the hosts match the manifests.
    public var isConverged: Bool { steps.isEmpty && conflicts.isEmpty && blockers.isEmpty && unreachable.isEmpty }

    /// Whether anything declared is left alone (a conflict) or a host cannot be changed (a blocker):
    /// applying this plan cannot make the hosts match the manifests.
    public var leavesSomethingAlone: Bool { !conflicts.isEmpty || !blockers.isEmpty || !unreachable.isEmpty }

    /// "2 resources left alone (1 conflict, 1 unreachable image)", "1 preflight blocker", both joined
    /// by "; ", or nil when nothing is left alone. In English, for logs and machine-read output.
    public var leftAloneSummary: String? { leftAloneSummary(.english) }

    /// The same summary in `localizer`'s language, for people.
    public func leftAloneSummary(_ localizer: Localizer) -> String? {
        var parts: [String] = []
        if !conflicts.isEmpty {
            let resources = Set(conflicts.map(\.address)).count
            var counts: [Conflict.Cause: Int] = [:]
            for conflict in conflicts { counts[conflict.cause, default: 0] += 1 }
            let causes = [Conflict.Cause.conflict, .unreachableImage, .unpreparedSeed].compactMap { cause in
                counts[cause].map { cause.counted($0).text(localizer) }
            }
            let arguments = ["count": String(resources), "causes": causes.joined(separator: localizer.text("plan.listSeparator"))]
            parts.append(resources == 1 ? localizer.text("plan.leftAlone.resources.one", arguments)
                : localizer.text("plan.leftAlone.resources.other", arguments))
        }
        if !blockers.isEmpty {
            let arguments = ["count": String(blockers.count)]
            parts.append(blockers.count == 1 ? localizer.text("plan.leftAlone.blockers.one", arguments)
                : localizer.text("plan.leftAlone.blockers.other", arguments))
        }
        if !unreachable.isEmpty {
            let arguments = ["count": String(unreachable.count)]
            parts.append(unreachable.count == 1 ? localizer.text("plan.leftAlone.unreachable.one", arguments)
                : localizer.text("plan.leftAlone.unreachable.other", arguments))
        }
        return parts.isEmpty ? nil : parts.joined(separator: localizer.text("plan.leftAlone.separator"))
    }
}
