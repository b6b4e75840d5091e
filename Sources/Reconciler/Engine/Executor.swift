import HostCommands
import Localization

/// Runs a plan's DAG: a step starts once all its dependencies succeeded, up to `parallelism` at once.
/// A failed step stops its dependents; independent steps still run to the end.
public struct Executor: Sendable {
    public var parallelism: Int
    public var shutdownTimeout: Duration
    /// Once requested, no further step starts; running steps finish and the rest are skipped.
    public var shutdown: ShutdownRequest?

    public init(parallelism: Int = 4, shutdownTimeout: Duration = .seconds(120), shutdown: ShutdownRequest? = nil) {
        self.parallelism = max(1, parallelism)
        self.shutdownTimeout = shutdownTimeout
        self.shutdown = shutdown
    }

    public static let shutdownReason = "reconcile is shutting down"

    public func run(_ plan: Plan, on hosts: [String: HostConnection],
                    events: @escaping @Sendable (ExecutionEvent) -> Void = { _ in }) async -> ExecutionReport {
        var report = ExecutionReport()
        var pending = plan.steps
        var done: [String: Bool] = [:]
        await withTaskGroup(of: (Step, Result<LocalizedText?, any Error>, Duration).self) { group in
            var running = 0
            while !pending.isEmpty || running > 0 {
                // Skip every step whose dependency failed or was skipped, transitively.
                var skippedAny = true
                while skippedAny {
                    skippedAny = false
                    for step in pending {
                        guard let blocker = step.dependsOn.first(where: { done[$0] == false }) else { continue }
                        pending.removeAll { $0.id == step.id }
                        done[step.id] = false
                        report.outcomes.append((step.id, .skipped(blocker)))
                        events(.skipped(step, becauseOf: blocker))
                        skippedAny = true
                    }
                }
                while running < parallelism, shutdown?.isRequested != true,
                      let index = pending.firstIndex(where: { $0.dependsOn.allSatisfy { done[$0] == true } }) {
                    let step = pending.remove(at: index)
                    running += 1
                    events(.started(step))
                    let host = hosts[step.resource.hypervisor]
                    let timeout = shutdownTimeout
                    group.addTask {
                        let clock = ContinuousClock()
                        let start = clock.now
                        do {
                            guard let host else {
                                throw ReconcileError(.connectionFailed, LocalizedMessage("engine.noConnection", ["name": step.resource.hypervisor]))
                            }
                            var runner = StepRunner(host: host, shutdownTimeout: timeout) { events(.progress(step, $0)) }
                            runner.transferred = { events(.transferred(step, bytes: $0)) }
                            let detail = try await runner.run(step.action)
                            return (step, .success(detail), clock.now - start)
                        } catch {
                            return (step, .failure(error), clock.now - start)
                        }
                    }
                }
                guard running > 0, let (step, result, duration) = await group.next() else {
                    if !pending.isEmpty {
                        // After a shutdown request, or with a dependency on a step that is not in the plan.
                        let reason = shutdown?.isRequested == true ? Self.shutdownReason : "unknown dependency"
                        for step in pending {
                            report.outcomes.append((step.id, .skipped(reason)))
                            events(.skipped(step, becauseOf: reason))
                        }
                        pending.removeAll()
                    }
                    break
                }
                running -= 1
                switch result {
                case .success(let detail):
                    done[step.id] = true
                    report.outcomes.append((step.id, .succeeded))
                    events(.succeeded(step, duration: duration, detail: detail))
                case .failure(let error):
                    done[step.id] = false
                    report.outcomes.append((step.id, .failed(ErrorText.english(error))))
                    events(.failed(step, duration: duration, error: StepFailure(error)))
                }
            }
        }
        return report
    }
}
