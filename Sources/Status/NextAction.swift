import Localization

/// The one thing to do next on a hypervisor card: climb the first rung not reached, or, at the top of
/// the ladder, create guests.
public enum NextAction: String, Sendable, Hashable, Codable, CaseIterable {
    case install
    case enable
    case start
    case initialize
    case create

    public var title: String { title(.current) }

    public func title(_ localizer: Localizer) -> String {
        switch self {
        case .install: localizer.text("status.next.install")
        case .enable: localizer.text("status.next.enable")
        case .start: localizer.text("status.next.start")
        case .initialize: localizer.text("status.next.initialize")
        case .create: localizer.text("status.next.create")
        }
    }
}
