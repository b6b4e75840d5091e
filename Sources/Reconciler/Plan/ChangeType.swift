/// What happens to a resource as a whole, in Terraform's terms and symbols.
public enum ChangeType: String, Sendable, Codable, Comparable {
    case create
    case update
    case replace
    case delete

    public var symbol: String {
        switch self {
        case .create: "+"
        case .update: "~"
        case .replace: "-/+"
        case .delete: "-"
        }
    }

    private var order: Int {
        switch self {
        case .create: 0
        case .update: 1
        case .replace: 2
        case .delete: 3
        }
    }

    public static func < (lhs: ChangeType, rhs: ChangeType) -> Bool { lhs.order < rhs.order }
}
