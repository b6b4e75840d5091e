/// The words every renderer shows for a guest, so text and HTML cannot disagree.
extension GuestStatus {
    /// Shown for a value nobody can tell.
    public static let unknown = "—"

    public var typeText: String { type ?? Self.unknown }
    public var distributionText: String { distribution ?? Self.unknown }
    public var addressText: String {
        addresses.first.map { "\($0.address) (\($0.source))" } ?? Self.unknown
    }
    public var agentText: String {
        switch agent {
        case .active: "active"
        case .pending: "not installed"
        case .none: Self.unknown
        }
    }
    public var driftText: String {
        let text = managed || drift != .notDeclared ? drift.title : "not declared (unmanaged)"
        return restartPending == true ? text + ", restart pending" : text
    }
    public var autostartText: String { autostart.map { $0 ? "yes" : "no" } ?? Self.unknown }
    public var uptimeText: String {
        guard let seconds = uptimeSeconds else { return Self.unknown }
        let days = seconds / 86_400, hours = seconds % 86_400 / 3_600, minutes = seconds % 3_600 / 60
        return days > 0 ? "\(days)d \(hours)h" : hours > 0 ? "\(hours)h \(minutes)m" : "\(minutes)m"
    }
}
