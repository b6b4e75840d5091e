/// The one thing to do next on a hypervisor card: climb the first rung not reached, or, at the top of
/// the ladder, create guests.
public enum NextAction: String, Sendable, Hashable, Codable, CaseIterable {
    case install
    case enable
    case start
    case initialize
    case create

    public var title: String {
        switch self {
        case .install: "Install"
        case .enable: "Enable"
        case .start: "Start"
        case .initialize: "Initialize"
        case .create: "Create"
        }
    }
}
