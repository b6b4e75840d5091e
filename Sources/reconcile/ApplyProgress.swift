import Foundation
import HostCommands
import Localization
import Reconciler
import Spec
import Synchronization

/// Prints each step as it starts and ends, with its duration, and remembers outcomes for the summary.
final class ApplyProgress: Sendable {
    struct Record: Sendable {
        var id: String
        var outcome: String
        var seconds: Double
        /// In English whatever the locale: the records feed `apply --output json`.
        var message: String?
        var hypervisor: String
        /// Bytes the step sent to the host, for uploads.
        var uploadedBytes: UInt64?
    }

    private let text: Bool
    /// False when `--log-format json` reports the steps instead.
    private let lines: Bool
    private let style: TerminalStyle
    private let localizer: Localizer
    private let start = ContinuousClock.now
    private let records = Mutex<[Record]>([])
    private let lastProgress = Mutex<[String: ContinuousClock.Instant]>([:])
    private let uploaded = Mutex<[String: UInt64]>([:])
    /// Why each failed step failed, in the user's language, for the summary (the report keeps English).
    private let failures = Mutex<[String: String]>([:])
    /// A terminal gets a fresh line every second, logs one every five.
    private let progressInterval: Duration

    init(text: Bool, style: TerminalStyle, lines: Bool = true, localizer: Localizer = .current) {
        self.text = text
        self.lines = lines
        self.style = style
        self.localizer = localizer
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
                let note = detail.map { ": \(TerminalText.escape($0.text(localizer)))" } ?? ""
                emit("[\(elapsed)] \(style.green(localizer.text("apply.done"))) " + localizer.text("apply.stepDone", [
                    "step": step.kind.rawValue, "resource": safe(step.resource), "duration": Self.format(duration),
                ]) + note)
                let bytes = uploaded.withLock { $0.removeValue(forKey: step.id) }
                records.withLock { $0.append(Record(id: step.id, outcome: "succeeded", seconds: duration.seconds, message: detail?.english,
                                                    hypervisor: step.resource.hypervisor, uploadedBytes: bytes)) }
            case .failed(let step, let duration, let error):
                emit("[\(elapsed)] \(style.red(localizer.text("apply.failedMark"))) " + localizer.text("apply.stepFailed", [
                    "step": step.kind.rawValue, "resource": safe(step.resource), "duration": Self.format(duration),
                    "error": TerminalText.escape(error.text),
                ]))
                failures.withLock { $0[step.id] = error.text }
                records.withLock { $0.append(Record(id: step.id, outcome: "failed", seconds: duration.seconds, message: error.english, hypervisor: step.resource.hypervisor)) }
            case .skipped(let step, let blocker):
                let why = blocker == Executor.shutdownReason ? localizer.text("apply.shutdownSkip")
                    : localizer.text("apply.dependencyFailed", ["step": TerminalText.escape(blocker)])
                emit("[\(elapsed)] " + localizer.text("apply.stepSkipped", ["step": step.kind.rawValue, "resource": safe(step.resource), "why": why]))
                records.withLock { $0.append(Record(id: step.id, outcome: "skipped", seconds: 0, message: "depends on \(blocker)", hypervisor: step.resource.hypervisor)) }
            case .blocked(let step, let hypervisor):
                let why = localizer.text("apply.blockedSkip", ["hypervisor": TerminalText.escape(hypervisor)])
                emit("[\(elapsed)] " + localizer.text("apply.stepSkipped", ["step": step.kind.rawValue, "resource": safe(step.resource), "why": why]))
                records.withLock { $0.append(Record(id: step.id, outcome: "skipped", seconds: 0, message: "depends on \(Engine.blockerReason(hypervisor: hypervisor))",
                                                    hypervisor: step.resource.hypervisor)) }
            }
        }
    }

    func summary(_ result: Engine.ApplyResult) -> String {
        let report = result.report
        var lines = [""]
        lines.append(localizer.text("apply.complete", [
            "steps": String(report.outcomes.count), "succeeded": String(report.succeeded), "failed": String(report.failed.count),
            "skipped": String(report.skipped), "duration": Self.format(ContinuousClock.now - start),
        ]))
        let worded = failures.withLock { $0 }
        for failure in report.failed {
            let message = worded[failure.id] ?? failure.message
            lines.append("  \(style.red(localizer.text("apply.failedLabel"))): \(TerminalText.escape(failure.id)): \(TerminalText.escape(message))")
        }
        lines += leftAloneLines(result.remaining)
        if result.converged {
            lines.append(style.green(localizer.text("apply.converged")))
        } else {
            lines.append(style.red(Self.notConverged(result.remaining, failedSteps: report.failed.count + report.skipped, localizer: localizer)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What apply could not do, for the summary and for a plan with nothing to run: each conflict and
    /// blocker with its reason.
    func leftAloneLines(_ plan: Plan) -> [String] {
        var lines: [String] = []
        for conflict in plan.conflicts {
            lines.append("  \(style.red(localizer.text("apply.leftAloneLabel"))): \(safe(conflict.address)): "
                         + "\(TerminalText.escape(conflict.message.text(localizer)))\n      hint: \(TerminalText.escape(conflict.hint.text(localizer)))")
        }
        for blocker in plan.blockers {
            lines.append("  \(style.red(localizer.text("apply.blockedLabel"))): \(TerminalText.escape(blocker.hypervisor)): "
                         + "\(TerminalText.escape(blocker.message.text(localizer)))\n      hint: \(TerminalText.escape(blocker.hint.text(localizer)))")
        }
        return lines
    }

    /// The closing line of a run that did not converge: "Not converged: 2 resources left alone
    /// (1 conflict, 1 unreachable image)." and the changes still to make, if any.
    static func notConverged(_ remaining: Plan, failedSteps: Int, localizer: Localizer = .current) -> String {
        var parts: [String] = []
        let ids = remaining.steps.map(\.id)
        if !ids.isEmpty {
            let listed = ids.prefix(5).map { TerminalText.escape($0) }.joined(separator: ", ") + (ids.count > 5 ? ", ..." : "")
            let arguments = ["count": String(ids.count), "steps": listed]
            parts.append(ids.count == 1 ? localizer.text("apply.remaining.one", arguments) : localizer.text("apply.remaining.other", arguments))
        }
        if let leftAlone = remaining.leftAloneSummary(localizer) { parts.append(leftAlone) }
        if parts.isEmpty {
            let arguments = ["count": String(failedSteps)]
            parts.append(failedSteps == 1 ? localizer.text("apply.unsucceeded.one", arguments) : localizer.text("apply.unsucceeded.other", arguments))
        }
        let summary = parts.joined(separator: localizer.text("plan.leftAlone.separator"))
        return ids.isEmpty && failedSteps == 0 ? localizer.text("apply.notConverged", ["reasons": summary])
            : localizer.text("apply.notConvergedFix", ["reasons": summary])
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
