/// Who the probes run as on the probed host.
public struct UserIdentity: Sendable, Equatable, Codable {
    public var uid: Int
    public var groups: [String]

    public init(uid: Int, groups: [String]) {
        self.uid = uid
        self.groups = groups
    }

    public var isRoot: Bool { uid == 0 }
}
