import Localization

extension Plan {
    /// Running guests whose definition gets changes that wait for their next boot (restartPolicy: never).
    /// Both the guests this plan writes such changes for and those whose definition already holds them.
    public var restartPending: [ResourceAddress] {
        var guests = resources.filter { $0.restartPending == true }.map(\.address)
        for pending in pendingRestarts where !guests.contains(pending.address) { guests.append(pending.address) }
        return guests
    }

    /// The closing line apply prints for them, or nil when no guest waits for a restart.
    public func restartPendingLine(_ localizer: Localizer = .current) -> String? {
        let guests = restartPending
        guard !guests.isEmpty else { return nil }
        let names = guests.map { "'\($0.name)'" }.joined(separator: ", ")
        return guests.count == 1 ? localizer.text("plan.restartPending.one", ["names": names])
            : localizer.text("plan.restartPending.other", ["names": names])
    }
}
