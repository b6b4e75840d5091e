import Localization

/// The changes that would make the hosts match the manifests: a DAG of steps plus what to show a person.
public struct Plan: Sendable, Hashable {
    public struct Summary: Sendable, Hashable, Codable {
        public var create: Int
        public var update: Int
        public var delete: Int
    }

    public struct Target: Sendable, Hashable, Codable {
        public var name: String
        public var uri: String
    }

    public var targets: [Target]
    public var steps: [Step]
    public var resources: [ResourceChange]
    public var conflicts: [Conflict]
    /// Things noticed but deliberately not changed (managed objects left because `--prune` is off).
    public var notices: [LocalizedMessage]
    /// SHA-256 of the observed state the plan was made from.
    public var observedFingerprint: String
    /// What must be fixed before `apply` may change the affected hosts.
    public var blockers: [PreflightBlocker] = []
    /// Hypervisors that could not be reached or read: nothing is planned for them.
    public var unreachable: [UnreachableHost] = []
    /// Running guests whose definition already holds next-boot changes they do not run with yet.
    public var pendingRestarts: [PendingRestart] = []

    public init(targets: [Target] = [], steps: [Step] = [], resources: [ResourceChange] = [],
                conflicts: [Conflict] = [], notices: [LocalizedMessage] = [], observedFingerprint: String = "") {
        self.targets = targets
        self.steps = steps
        self.resources = resources
        self.conflicts = conflicts
        self.notices = notices
        self.observedFingerprint = observedFingerprint
    }

    public var hasChanges: Bool { !steps.isEmpty }

    /// A replacement counts as one create and one delete, as in Terraform.
    public var summary: Summary {
        var summary = Summary(create: 0, update: 0, delete: 0)
        for resource in resources {
            switch resource.change {
            case .create: summary.create += 1
            case .update: summary.update += 1
            case .delete: summary.delete += 1
            case .replace:
                summary.create += 1
                summary.delete += 1
            }
        }
        return summary
    }

    public func step(id: String) -> Step? { steps.first { $0.id == id } }
}
