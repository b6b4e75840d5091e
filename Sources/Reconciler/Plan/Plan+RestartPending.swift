import Localization

extension Plan {
    /// Running guests whose definition gets changes that wait for their next boot (restartPolicy: never).
    public var restartPending: [ResourceAddress] {
        resources.filter { $0.restartPending == true }.map(\.address)
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
