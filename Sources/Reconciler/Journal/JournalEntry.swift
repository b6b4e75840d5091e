import Foundation

/// One line of the apply journal (`journal.jsonl` in the state directory).
public struct JournalEntry: Codable, Sendable, Hashable {
    public enum Event: String, Codable, Sendable {
        /// An apply took the local lock and is about to run steps.
        case begin
        /// A step is about to change something; written and fsync'd before it does.
        case start
        /// A step returned, with its outcome.
        case end
        /// The apply ran to its end (converged or not); its steps are not interrupted ones.
        case finish
        /// A later apply already planned the clean-up of the interrupted run `run`: its notice is not repeated.
        case recovered
    }

    public var event: Event
    public var run: String
    public var time: Date
    public var owner: String?
    public var pid: Int32?
    public var step: String?
    public var hypervisor: String?
    /// The volume the step creates (`create-volume`, `upload-image`, `create-seed`), as `pool` and `name`.
    public var pool: String?
    public var volume: String?
    public var outcome: String?
    /// For `recovered`: the interrupted run.
    public var previousRun: String?

    public init(event: Event, run: String, time: Date = Date(), owner: String? = nil, pid: Int32? = nil, step: String? = nil,
                hypervisor: String? = nil, pool: String? = nil, volume: String? = nil, outcome: String? = nil,
                previousRun: String? = nil) {
        self.event = event
        self.run = run
        self.time = time
        self.owner = owner
        self.pid = pid
        self.step = step
        self.hypervisor = hypervisor
        self.pool = pool
        self.volume = volume
        self.outcome = outcome
        self.previousRun = previousRun
    }
}
