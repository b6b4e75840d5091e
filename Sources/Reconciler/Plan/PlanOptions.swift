public struct PlanOptions: Sendable, Hashable {
    /// Delete managed objects that no manifest declares any more.
    public var prune: Bool
    /// VMs to rebuild from their image (`apply --replace VM`).
    public var replace: Set<String>
    /// The manifests' git commit (`apply --git`), recorded on every object whose definition is written.
    public var commit: String?

    public init(prune: Bool = false, replace: Set<String> = [], commit: String? = nil) {
        self.prune = prune
        self.replace = replace
        self.commit = commit
    }
}
