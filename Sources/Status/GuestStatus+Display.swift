import Localization

/// The words every renderer shows for a guest, so text and HTML cannot disagree. Words are in the
/// localizer's language; values from the host or the manifests (names, addresses) stay as they are.
extension GuestStatus {
    /// Shown for a value nobody can tell.
    public static let unknown = "—"

    public var typeText: String { type ?? Self.unknown }
    public var distributionText: String { distribution ?? Self.unknown }
    public var addressText: String {
        addresses.first.map { "\($0.address) (\($0.source))" } ?? Self.unknown
    }
    public var agentText: String { agentText(.current) }
    public func agentText(_ localizer: Localizer) -> String {
        switch agent {
        case .active: localizer.text("status.agent.active")
        case .pending: localizer.text("status.agent.pending")
        case .none: Self.unknown
        }
    }
    public var driftText: String { driftText(.current) }
    public func driftText(_ localizer: Localizer) -> String {
        let text = managed || drift != .notDeclared ? drift.title(localizer) : localizer.text("status.drift.unmanaged")
        return restartPending == true ? localizer.text("status.drift.restartPending", ["drift": text]) : text
    }
    public var autostartText: String { autostartText(.current) }
    public func autostartText(_ localizer: Localizer) -> String {
        autostart.map { $0 ? localizer.text("status.yes") : localizer.text("status.no") } ?? Self.unknown
    }
    /// libvirt's run state (running, paused, shutoff, other) or `absent`, in words; anything else as it is.
    public func stateText(_ localizer: Localizer) -> String {
        switch state {
        case "running": localizer.text("status.state.running")
        case "paused": localizer.text("status.state.paused")
        case "shutoff": localizer.text("status.state.shutoff")
        case "other": localizer.text("status.state.other")
        case "absent": localizer.text("status.state.absent")
        default: state
        }
    }
    public var uptimeText: String {
        guard let seconds = uptimeSeconds else { return Self.unknown }
        let days = seconds / 86_400, hours = seconds % 86_400 / 3_600, minutes = seconds % 3_600 / 60
        return days > 0 ? "\(days)d \(hours)h" : hours > 0 ? "\(hours)h \(minutes)m" : "\(minutes)m"
    }
}
