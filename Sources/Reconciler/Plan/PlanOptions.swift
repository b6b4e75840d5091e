public struct PlanOptions: Sendable, Hashable {
    /// Delete managed objects that no manifest declares any more.
    public var prune: Bool

    public init(prune: Bool = false) {
        self.prune = prune
    }
}
