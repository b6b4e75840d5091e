import Foundation

/// What one apply pass did, for the pass event, the metrics file and the watch loop's backoff.
public struct PassSummary: Sendable, Equatable {
    public enum Outcome: String, Sendable, Codable {
        /// Every host matches the manifests.
        case converged
        /// Steps failed, or something declared was left alone.
        case notConverged = "not-converged"
        /// The pass could not run: unreadable manifests, a git error, an unreachable host.
        case failed
        /// A shutdown signal stopped it after the running steps.
        case interrupted
    }

    public struct Host: Sendable, Equatable {
        public var name: String
        public var converged: Bool
        /// Resources the pass found different from the manifests (before applying).
        public var drift: Int
        /// Resources left alone after the pass (conflicts, unreachable images, blockers).
        public var conflicts: Int

        public init(name: String, converged: Bool, drift: Int, conflicts: Int) {
            self.name = name
            self.converged = converged
            self.drift = drift
            self.conflicts = conflicts
        }
    }

    public struct StepCount: Sendable, Equatable, Hashable {
        public var kind: String
        public var outcome: String

        public init(kind: String, outcome: String) {
            self.kind = kind
            self.outcome = outcome
        }
    }

    public var number: Int
    public var start: Date
    public var duration: Duration
    public var outcome: Outcome
    public var error: String?
    public var commit: String?
    public var hosts: [Host]
    public var steps: [StepCount: Int]

    public init(number: Int, start: Date, duration: Duration, outcome: Outcome, error: String? = nil,
                commit: String? = nil, hosts: [Host] = [], steps: [StepCount: Int] = [:]) {
        self.number = number
        self.start = start
        self.duration = duration
        self.outcome = outcome
        self.error = error
        self.commit = commit
        self.hosts = hosts
        self.steps = steps
    }

    public var succeeded: Bool { outcome == .converged }
}

extension Duration {
    /// Seconds as a floating-point number, for JSON and metrics.
    public var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
