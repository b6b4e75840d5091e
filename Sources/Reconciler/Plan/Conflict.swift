/// A resource the plan leaves alone because changing it would take something reconcile does not own,
/// or something it cannot reach. Any conflict means the hosts do not match the manifests.
public struct Conflict: Sendable, Hashable, Codable {
    /// Why the resource is left alone, for the counts in the closing line.
    public enum Cause: String, Sendable, Hashable, Codable {
        /// The object exists but reconcile did not create it, or another object already uses it.
        case conflict
        /// An image or its checksum file could not be fetched while planning.
        case unreachableImage = "unreachable-image"
        /// The guest's cloud-init seed cannot be prepared on this machine.
        case unpreparedSeed = "unprepared-seed"

        /// How the closing line counts `count` of them: "1 conflict", "2 unreachable images".
        func counted(_ count: Int) -> String {
            switch self {
            case .conflict: count == 1 ? "1 conflict" : "\(count) conflicts"
            case .unreachableImage: count == 1 ? "1 unreachable image" : "\(count) unreachable images"
            case .unpreparedSeed: count == 1 ? "1 seed that cannot be built" : "\(count) seeds that cannot be built"
            }
        }
    }

    public var address: ResourceAddress
    public var message: String
    public var hint: String
    public var cause: Cause

    public init(address: ResourceAddress, message: String, hint: String, cause: Cause = .conflict) {
        self.address = address
        self.message = message
        self.hint = hint
        self.cause = cause
    }
}
