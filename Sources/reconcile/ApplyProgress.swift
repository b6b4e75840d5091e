import Foundation
import HostCommands
import Reconciler
import Spec
import Synchronization

/// Prints each step as it starts and ends, with its duration, and remembers outcomes for the summary.
final class ApplyProgress: Sendable {
    struct Record: Sendable {
        var id: String
        var outcome: String
        var seconds: Double
        var message: String?
        var hypervisor: String
        /// Bytes the step sent to the host, for uploads.
        var uploadedBytes: UInt64?
    }

    private let text: Bool
    /// False when `--log-format json` reports the steps instead.
    private let lines: Bool
    private let style: TerminalStyle
    private let start = ContinuousClock.now
    private let records = Mutex<[Record]>([])
    private let lastProgress = Mutex<[String: ContinuousClock.Instant]>([:])
    private let uploaded = Mutex<[String: UInt64]>([:])
    /// A terminal gets a fresh line every second, logs one every five.
    private let progressInterval: Duration

    init(text: Bool, style: TerminalStyle, lines: Bool = true) {
        self.text = text
        self.lines = lines
        self.style = style
        self.progressInterval = style.enabled ? .seconds(1) : .seconds(5)
    }

    var recorded: [Record] { records.withLock { $0 } }

    private var elapsed: String {
        String(format: "%6.1fs", (ContinuousClock.now - start).seconds)
    }

    /// Progress goes to stdout for text output, to stderr for JSON so stdout stays one document.
    /// Lines arrive escaped value by value (they carry host names and libvirt's errors) and styled.
    private func emit(_ line: String) {
        guard lines else { return }
        if text { Terminal.write(line + "\n") } else { Terminal.writeStandardError(line + "\n") }
    }

    var handle: @Sendable (ExecutionEvent) -> Void {
        { [self] event in
            switch event {
            case .started(let step):
                emit("[\(elapsed)] \(step.kind.rawValue) \(safe(step.resource)) ...")
            case .progress(let step, let message):
                let now = ContinuousClock.now
                let due = lastProgress.withLock { last in
                    guard last[step.id].map({ now - $0 >= progressInterval }) ?? true else { return false }
                    last[step.id] = now
                    return true
                }
                if due { emit("[\(elapsed)]   \(step.kind.rawValue) \(safe(step.resource)): \(TerminalText.escape(message))") }
            case .transferred(let step, let bytes):
                uploaded.withLock { $0[step.id, default: 0] += bytes }
            case .succeeded(let step, let duration, let detail):
                let note = detail.map { ": \(TerminalText.escape($0))" } ?? ""
                emit("[\(elapsed)] \(style.green("done")) \(step.kind.rawValue) \(safe(step.resource)) in \(Self.format(duration))\(note)")
                let bytes = uploaded.withLock { $0.removeValue(forKey: step.id) }
                records.withLock { $0.append(Record(id: step.id, outcome: "succeeded", seconds: duration.seconds, message: detail,
                                                    hypervisor: step.resource.hypervisor, uploadedBytes: bytes)) }
            case .failed(let step, let duration, let error):
                emit("[\(elapsed)] \(style.red("FAILED")) \(step.kind.rawValue) \(safe(step.resource)) after \(Self.format(duration)): \(TerminalText.escape(error))")
                records.withLock { $0.append(Record(id: step.id, outcome: "failed", seconds: duration.seconds, message: error, hypervisor: step.resource.hypervisor)) }
            case .skipped(let step, let blocker):
                let why = blocker == Executor.shutdownReason ? blocker : "it depends on \(TerminalText.escape(blocker)), which did not succeed"
                emit("[\(elapsed)] skipped \(step.kind.rawValue) \(safe(step.resource)): \(why)")
                records.withLock { $0.append(Record(id: step.id, outcome: "skipped", seconds: 0, message: "depends on \(blocker)", hypervisor: step.resource.hypervisor)) }
            }
        }
    }

    func summary(_ result: Engine.ApplyResult) -> String {
        let report = result.report
        var lines = [""]
        lines.append("Apply complete: \(report.outcomes.count) steps, \(report.succeeded) succeeded, \(report.failed.count) failed, \(report.skipped) skipped (\(Self.format(ContinuousClock.now - start))).")
        for failure in report.failed {
            lines.append("  \(style.red("failed")): \(TerminalText.escape(failure.id)): \(TerminalText.escape(failure.message))")
        }
        lines += leftAloneLines(result.remaining)
        if result.converged {
            lines.append(style.green("Converged: the hosts match the manifests."))
        } else {
            lines.append(style.red(Self.notConverged(result.remaining, failedSteps: report.failed.count + report.skipped)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What apply could not do, for the summary and for a plan with nothing to run: each conflict and
    /// blocker with its reason.
    func leftAloneLines(_ plan: Plan) -> [String] {
        var lines: [String] = []
        for conflict in plan.conflicts {
            lines.append("  \(style.red("left alone")): \(safe(conflict.address)): \(TerminalText.escape(conflict.message))\n      hint: \(TerminalText.escape(conflict.hint))")
        }
        for blocker in plan.blockers {
            lines.append("  \(style.red("blocked")): \(TerminalText.escape(blocker.hypervisor)): \(TerminalText.escape(blocker.message))\n      hint: \(TerminalText.escape(blocker.hint))")
        }
        return lines
    }

    /// The closing line of a run that did not converge: "Not converged: 2 resources left alone
    /// (1 conflict, 1 unreachable image)." and the changes still to make, if any.
    static func notConverged(_ remaining: Plan, failedSteps: Int) -> String {
        var parts: [String] = []
        let ids = remaining.steps.map(\.id)
        if !ids.isEmpty {
            let listed = ids.prefix(5).map { TerminalText.escape($0) }.joined(separator: ", ") + (ids.count > 5 ? ", ..." : "")
            parts.append("\(ids.count) change\(ids.count == 1 ? "" : "s") remain\(ids.count == 1 ? "s" : "") (\(listed))")
        }
        if let leftAlone = remaining.leftAloneSummary { parts.append(leftAlone) }
        if parts.isEmpty { parts.append("\(failedSteps) step\(failedSteps == 1 ? "" : "s") did not succeed") }
        let advice = ids.isEmpty && failedSteps == 0 ? "" : " Fix the errors above and run apply again."
        return "Not converged: \(parts.joined(separator: "; ")).\(advice)"
    }

    private func safe(_ address: ResourceAddress) -> String { TerminalText.escape(address.description) }

    static func format(_ duration: Duration) -> String {
        String(format: "%.2fs", duration.seconds)
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
