public struct PlanOptions: Sendable, Hashable {
    /// Delete managed objects that no manifest declares any more.
    public var prune: Bool
    /// VMs to rebuild from their image (`apply --replace VM`).
    public var replace: Set<String>
    /// The manifests' git commit (`apply --git`), recorded on every object whose definition is written.
    public var commit: String?
    /// Whether the plan carries `observedFingerprint`. Only a saved plan and JSON output use it, and
    /// computing it encodes everything observed (a tenth of a text plan of 1,000 VMs).
    public var fingerprint: Bool

    public init(prune: Bool = false, replace: Set<String> = [], commit: String? = nil, fingerprint: Bool = true) {
        self.prune = prune
        self.replace = replace
        self.commit = commit
        self.fingerprint = fingerprint
    }
}
