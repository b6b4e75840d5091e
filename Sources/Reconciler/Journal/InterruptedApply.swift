import Foundation

/// An apply whose journal has no `finish`: it was killed (or its machine lost power) mid-run.
public struct InterruptedApply: Sendable, Hashable {
    /// A volume a step of that run created or began to create.
    public struct UnfinishedStep: Sendable, Hashable {
        public var hypervisor: String
        public var step: String
    }

    public struct CreatedVolume: Sendable, Hashable {
        public var hypervisor: String
        public var pool: String
        public var name: String
        /// False when the step never returned: the volume may be half-written.
        public var complete: Bool
    }

    public var run: String
    public var owner: String
    public var pid: Int32
    public var started: Date
    /// Steps that started and never returned, by id.
    public var unfinishedSteps: [UnfinishedStep]
    public var volumes: [CreatedVolume]
    /// A later apply already said it finishes this one.
    public var alreadyReported: Bool

    /// Every unfinished run in a journal, oldest first; runs named in `excluding` (this one) are skipped.
    public static func find(in entries: [JournalEntry], excluding: Set<String> = []) -> [InterruptedApply] {
        var order: [String] = []
        var runs: [String: InterruptedApply] = [:]
        var finished: Set<String> = []
        var reported: Set<String> = []
        var open: [String: [String: UnfinishedStep]] = [:]
        for entry in entries {
            switch entry.event {
            case .begin:
                order.append(entry.run)
                runs[entry.run] = InterruptedApply(run: entry.run, owner: entry.owner ?? "unknown", pid: entry.pid ?? 0,
                                                   started: entry.time, unfinishedSteps: [], volumes: [], alreadyReported: false)
            case .start:
                guard let step = entry.step, let hypervisor = entry.hypervisor else { continue }
                open[entry.run, default: [:]][step] = UnfinishedStep(hypervisor: hypervisor, step: step)
                if let pool = entry.pool, let volume = entry.volume {
                    runs[entry.run]?.volumes.append(CreatedVolume(hypervisor: hypervisor, pool: pool, name: volume, complete: false))
                }
            case .end:
                guard let step = entry.step else { continue }
                open[entry.run]?[step] = nil
                // A failed step may have left its volume half-written too (its clean-up can fail).
                if entry.outcome == "succeeded", let pool = entry.pool, let volume = entry.volume,
                   let index = runs[entry.run]?.volumes.lastIndex(where: { $0.pool == pool && $0.name == volume }) {
                    runs[entry.run]?.volumes[index].complete = true
                }
            case .finish:
                finished.insert(entry.run)
            case .recovered:
                // Said by a later run; the excluded (current) run's own words do not silence its plan.
                if let previous = entry.previousRun, !excluding.contains(entry.run) { reported.insert(previous) }
            }
        }
        return order.compactMap { run -> InterruptedApply? in
            guard !finished.contains(run), !excluding.contains(run), var interrupted = runs[run] else { return nil }
            interrupted.unfinishedSteps = (open[run] ?? [:]).values.sorted { $0.step < $1.step }
            interrupted.alreadyReported = reported.contains(run)
            return interrupted
        }
    }
}
