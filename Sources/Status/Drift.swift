import Localization

/// How a guest compares with the manifests, read from the plan for its host.
public enum Drift: String, Sendable, Hashable, Codable, CaseIterable {
    /// Declared, and the plan has nothing to do to it.
    case inSync = "in-sync"
    /// Declared, and the plan would change it (drift on the host, or a changed manifest).
    case drifted
    /// Declared, but not on the host yet: the plan would create it.
    case missing
    /// On the host, but no manifest declares it.
    case notDeclared = "not-declared"
    /// Declared, but the plan leaves it alone (reconcile did not create it, or cannot reach its image).
    case conflict

    public var title: String { title(.current) }

    public func title(_ localizer: Localizer) -> String {
        switch self {
        case .inSync: localizer.text("status.drift.inSync")
        case .drifted: localizer.text("status.drift.drifted")
        case .missing: localizer.text("status.drift.missing")
        case .notDeclared: localizer.text("status.drift.notDeclared")
        case .conflict: localizer.text("status.drift.conflict")
        }
    }
}
