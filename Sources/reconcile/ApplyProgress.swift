import Foundation
import Reconciler
import Synchronization

/// Prints each step as it starts and ends, with its duration, and remembers outcomes for the summary.
final class ApplyProgress: Sendable {
    struct Record: Sendable {
        var id: String
        var outcome: String
        var seconds: Double
        var message: String?
    }

    private let text: Bool
    private let style: TerminalStyle
    private let start = ContinuousClock.now
    private let records = Mutex<[Record]>([])
    private let lastProgress = Mutex<[String: ContinuousClock.Instant]>([:])
    /// A terminal gets a fresh line every second, logs one every five.
    private let progressInterval: Duration

    init(text: Bool, style: TerminalStyle) {
        self.text = text
        self.style = style
        self.progressInterval = style.enabled ? .seconds(1) : .seconds(5)
    }

    var recorded: [Record] { records.withLock { $0 } }

    private var elapsed: String {
        String(format: "%6.1fs", (ContinuousClock.now - start).seconds)
    }

    /// Progress goes to stdout for text output, to stderr for JSON so stdout stays one document.
    private func emit(_ line: String) {
        if text { Terminal.write(line + "\n") } else { Terminal.error(line) }
    }

    var handle: @Sendable (ExecutionEvent) -> Void {
        { [self] event in
            switch event {
            case .started(let step):
                emit("[\(elapsed)] \(step.kind.rawValue) \(step.resource) ...")
            case .progress(let step, let message):
                let now = ContinuousClock.now
                let due = lastProgress.withLock { last in
                    guard last[step.id].map({ now - $0 >= progressInterval }) ?? true else { return false }
                    last[step.id] = now
                    return true
                }
                if due { emit("[\(elapsed)]   \(step.kind.rawValue) \(step.resource): \(message)") }
            case .succeeded(let step, let duration, let detail):
                let note = detail.map { ": \($0)" } ?? ""
                emit("[\(elapsed)] \(style.green("done")) \(step.kind.rawValue) \(step.resource) in \(Self.format(duration))\(note)")
                records.withLock { $0.append(Record(id: step.id, outcome: "succeeded", seconds: duration.seconds, message: detail)) }
            case .failed(let step, let duration, let error):
                emit("[\(elapsed)] \(style.red("FAILED")) \(step.kind.rawValue) \(step.resource) after \(Self.format(duration)): \(error)")
                records.withLock { $0.append(Record(id: step.id, outcome: "failed", seconds: duration.seconds, message: error)) }
            case .skipped(let step, let blocker):
                emit("[\(elapsed)] skipped \(step.kind.rawValue) \(step.resource): it depends on \(blocker), which did not succeed")
                records.withLock { $0.append(Record(id: step.id, outcome: "skipped", seconds: 0, message: "depends on \(blocker)")) }
            }
        }
    }

    func summary(_ result: Engine.ApplyResult) -> String {
        let report = result.report
        var lines = [""]
        lines.append("Apply complete: \(report.outcomes.count) steps, \(report.succeeded) succeeded, \(report.failed.count) failed, \(report.skipped) skipped (\(Self.format(ContinuousClock.now - start))).")
        for failure in report.failed {
            lines.append("  \(style.red("failed")): \(failure.id): \(failure.message)")
        }
        for blocker in result.remaining.blockers {
            lines.append("  \(style.red("blocked")): \(blocker.hypervisor): \(blocker.message)\n      hint: \(blocker.hint)")
        }
        if result.converged {
            lines.append(style.green("Converged: the hosts match the manifests."))
        } else {
            let remaining = result.remaining.steps.map(\.id)
            lines.append(style.red("Not converged: \(remaining.count) change\(remaining.count == 1 ? "" : "s") remain\(remaining.count == 1 ? "s" : "") (\(remaining.prefix(5).joined(separator: ", "))\(remaining.count > 5 ? ", ..." : "")). Fix the errors above and run apply again."))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ duration: Duration) -> String {
        String(format: "%.2fs", duration.seconds)
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
