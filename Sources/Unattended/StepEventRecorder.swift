import Foundation
import Reconciler
import Synchronization

/// Turns the executor's events into one JSON event per finished step (when a log is given) and
/// counts steps by kind and outcome for the pass summary and metrics.
public final class StepEventRecorder: Sendable {
    private struct State {
        var started: [String: (date: Date, instant: ContinuousClock.Instant)] = [:]
        var counts: [PassSummary.StepCount: Int] = [:]
        var uploaded: [String: UInt64] = [:]
    }

    private let log: EventLog?
    private let state = Mutex(State())

    public init(log: EventLog?) {
        self.log = log
    }

    public var counts: [PassSummary.StepCount: Int] { state.withLock { $0.counts } }

    public func handle(_ event: ExecutionEvent) {
        switch event {
        case .started(let step):
            state.withLock { $0.started[step.id] = (Date(), ContinuousClock.now) }
        case .progress:
            break
        case .transferred(let step, let bytes):
            state.withLock { $0.uploaded[step.id, default: 0] += bytes }
        case .succeeded(let step, _, _):
            finish(step, outcome: "succeeded", error: nil)
        case .failed(let step, _, let error):
            finish(step, outcome: "failed", error: error.english)
        case .skipped(let step, let blocker):
            finish(step, outcome: "skipped",
                   error: blocker == Executor.shutdownReason ? blocker : "depends on \(blocker), which did not succeed")
        case .blocked(let step, let hypervisor):
            finish(step, outcome: "skipped", error: "depends on \(Engine.blockerReason(hypervisor: hypervisor)), which did not succeed")
        }
    }

    private func finish(_ step: Step, outcome: String, error: String?) {
        let now = ContinuousClock.now
        let (started, uploaded) = state.withLock { state -> ((date: Date, instant: ContinuousClock.Instant)?, UInt64?) in
            state.counts[PassSummary.StepCount(kind: step.kind.rawValue, outcome: outcome), default: 0] += 1
            return (state.started.removeValue(forKey: step.id), state.uploaded.removeValue(forKey: step.id))
        }
        log?.emit(EventLog.StepEvent(id: step.id, kind: step.kind.rawValue, resource: step.resource.description,
                                     host: step.resource.hypervisor, start: started?.date ?? Date(),
                                     durationSeconds: started.map { (now - $0.instant).secondsValue } ?? 0,
                                     outcome: outcome, error: error, uploadedBytes: uploaded))
    }
}
