/// What the manifests ask of one host, so `HostSystem.facts` checks exactly that and no more.
public struct HostFactsRequest: Sendable, Hashable {
    /// nil means `packages: auto`, the distribution's standard set.
    public var packages: [String]?
    public var users: [String]
    /// Storage pool paths the QEMU user must be able to reach.
    public var poolPaths: [String]

    public init(packages: [String]?, users: [String], poolPaths: [String]) {
        self.packages = packages
        self.users = users
        self.poolPaths = poolPaths
    }
}
