public struct PlanOptions: Sendable, Hashable {
    /// Delete managed objects that no manifest declares any more.
    public var prune: Bool
    /// VMs to rebuild from their image (`apply --replace VM`).
    public var replace: Set<String>

    public init(prune: Bool = false, replace: Set<String> = []) {
        self.prune = prune
        self.replace = replace
    }
}
