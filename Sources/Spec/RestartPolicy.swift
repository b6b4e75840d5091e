/// What reconcile does when a change to a running guest only takes effect at its next boot.
public enum RestartPolicy: String, Sendable, Codable, CaseIterable {
    /// The definition is updated and the plan says a restart is pending; the guest keeps running.
    case never
    /// The plan adds a graceful restart (ACPI shutdown within stopTimeout, then start).
    case ifNeeded
}
