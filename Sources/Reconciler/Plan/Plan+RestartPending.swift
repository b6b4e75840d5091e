extension Plan {
    /// Running guests whose definition gets changes that wait for their next boot (restartPolicy: never).
    public var restartPending: [ResourceAddress] {
        resources.filter { $0.restartPending == true }.map(\.address)
    }

    /// The closing line apply prints for them, or nil when no guest waits for a restart.
    public var restartPendingLine: String? {
        let guests = restartPending
        guard !guests.isEmpty else { return nil }
        let names = guests.map { "'\($0.name)'" }.joined(separator: ", ")
        return "Restart pending: \(names) \(guests.count == 1 ? "has" : "have") changes that take effect at the next boot (reconcile restart VM, or restartPolicy: ifNeeded)."
    }
}
