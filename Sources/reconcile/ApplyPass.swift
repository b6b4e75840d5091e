import ArgumentParser
import Foundation
import HostCommands
import Localization
import Reconciler
import Spec
import Unattended

/// One apply, from fetching and reading the manifests to the report: what `apply` runs once and
/// `apply --watch` runs again and again. It never throws: every failure is a pass that did not converge.
struct ApplyPass: Sendable {
    var paths: [String]
    var saved: SavedPlan?
    var savedName: String?
    var connect: String?
    var options: PlanOptions
    var engine: Engine
    var output: OutputFormat
    var parallel: Int
    var shutdownTimeout: Int
    /// Seconds to wait for the locks another apply holds (0 refuses at once).
    var lockTimeout: Int
    /// `--target`: the Hypervisors or VMs this run is limited to (none: everything declared).
    var targets: [String]
    var parallelHosts: Int
    var stateDirectory: String
    var git: GitSource?
    var log: EventLog?
    /// Recorded after every pass, for `--metrics-file` and `--metrics-addr`.
    var metrics: PassMetrics
    var metricsFile: MetricsFile?
    /// `--serve`: rebuilt from the manifests of each pass once it ends.
    var statusPage: ServedStatus?

    private var text: Bool { output == .text }

    func run(number: Int, shutdown: ShutdownRequest?) async -> PassSummary {
        let start = Date()
        let clock = ContinuousClock.now
        var summary = PassSummary(number: number, start: start, duration: .zero, outcome: .failed)
        func finished(_ outcome: PassSummary.Outcome, error: String? = nil) -> PassSummary {
            summary.outcome = outcome == .notConverged && shutdown?.isRequested == true ? .interrupted : outcome
            summary.error = error
            summary.duration = ContinuousClock.now - clock
            return summary
        }
        var paths = self.paths
        if let git {
            do {
                let checkout = try await git.update()
                summary.commit = checkout.commit
                paths = [checkout.manifestDirectory]
                if text {
                    let ref = git.ref ?? Localizer.current.text("apply.defaultBranch")
                    Terminal.write(Localizer.current.text("apply.manifestsFromGit", [
                        "url": TerminalText.escape(git.shownURL), "ref": ref, "commit": checkout.commit,
                    ]) + "\n")
                }
            } catch {
                problem("error: " + (log == nil ? error.text(.current) : error.description))
                return finished(.failed, error: error.description)
            }
        }
        let loaded: ManifestSet
        do {
            loaded = try ManifestLoading.load(paths, connect: connect, localizer: problemLocalizer, report: problem)
        } catch {
            return finished(.failed, error: "the manifests could not be read (the errors are listed above)")
        }
        let replaceProblems = loaded.replaceProblems(options.replace.sorted())
        guard replaceProblems.isEmpty else {
            for line in replaceProblems { problem("error: \(line.text(problemLocalizer))") }
            problem(LocalizedMessage("apply.nothingChanged"))
            return finished(.failed, error: replaceProblems.map(\.english).joined(separator: "; "))
        }
        let manifests: ManifestSet
        do {
            manifests = try FleetOptions.select(loaded, targets: targets, prune: options.prune)
        } catch {
            return finished(.failed, error: "the targets select nothing that can be applied (see above)")
        }
        defer { statusPage?.refresh(after: manifests) }
        var options = self.options
        options.commit = summary.commit
        let timings = HostTimings()
        var engine = self.engine
        engine.parallelHosts = parallelHosts
        engine.timings = timings
        let hosts = manifests.hypervisors.map(\.name)
        summary.hosts = hosts.map { PassSummary.Host(name: $0, converged: false, drift: 0, conflicts: 0) }
        // Held from before planning to the end of the pass, and given back on every way out.
        var session: ApplySession?
        let warn: @Sendable (LocalizedMessage) -> Void = { [self] message in problem(message, prefix: "warning: ") }
        func end(converged: Bool, images: (any ImageStore)? = nil) async {
            await session?.end(converged: converged, images: images, warn: warn)
            session = nil
        }
        do {
            let connected = try await engine.connect(manifests)
            session = try await ApplySession.begin(engine: engine, connected: connected, stateDirectory: stateDirectory,
                                                   timeout: .seconds(lockTimeout), warn: warn)
            let fresh = try await engine.plan(manifests, connected: connected, options: options)
            if let saved, let mismatch = saved.mismatch(with: fresh, manifests: manifests) {
                let refusal = { (localizer: Localizer) in
                    localizer.text("apply.savedPlanRefused", ["file": savedName ?? localizer.text("apply.theSavedPlan"),
                                                              "reason": mismatch.text(localizer)])
                }
                // On the terminal in the user's language; in the pass event and log, English.
                if log == nil { Terminal.error("error: " + refusal(.current)) } else { problem("error: " + refusal(.english)) }
                await end(converged: false)
                return finished(.failed, error: refusal(.english))
            }
            if text { Terminal.write(PlanTextRenderer(style: Terminal.style()).render(fresh)) }
            guard fresh.hasChanges else {
                let rows = HostSummary.rows(manifests: manifests, plan: fresh, records: [], timings: timings)
                if !text { Terminal.write(ApplyReportJSON.render(plan: fresh, result: nil, events: [], hosts: rows, commit: summary.commit)) }
                if text { Terminal.write(HostSummary.closingTable(rows, plan: fresh, style: Terminal.style())) }
                summary.hosts = PassSummary.Host.after(hosts: hosts, planned: fresh, report: nil, remaining: fresh)
                await end(converged: !fresh.leavesSomethingAlone, images: engine.provisioning?.images)
                guard fresh.leavesSomethingAlone else { return finished(.converged) }
                if text { Terminal.write(ApplyProgress.notConverged(fresh, failedSteps: 0) + "\n") }
                return finished(.notConverged)
            }
            let progress = ApplyProgress(text: text, style: Terminal.style(forStandardError: !text), lines: log == nil)
            let recorder = StepEventRecorder(log: log)
            let executor = Executor(parallelism: parallel, shutdownTimeout: .seconds(shutdownTimeout), shutdown: shutdown)
            let result = try await engine.apply(fresh, manifests: manifests, connected: connected, options: options,
                                                executor: executor, events: { progress.handle($0); recorder.handle($0) })
            let rows = HostSummary.rows(manifests: manifests, plan: result.remaining, records: progress.recorded, timings: timings)
            if text {
                Terminal.write(HostSummary.closingTable(rows, plan: result.remaining, style: Terminal.style()))
                Terminal.write(progress.summary(result))
                if let line = fresh.restartPendingLine() { Terminal.write(line + "\n") }
            } else {
                Terminal.write(ApplyReportJSON.render(plan: fresh, result: result, events: progress.recorded, hosts: rows, commit: summary.commit))
            }
            await end(converged: result.converged, images: engine.provisioning?.images)
            summary.steps = recorder.counts
            summary.hosts = PassSummary.Host.after(hosts: hosts, planned: fresh, report: result.report, remaining: result.remaining)
            return finished(result.converged ? .converged : .notConverged)
        } catch {
            await end(converged: false)
            // Worded for the terminal; a `--log-format json` event and the pass summary keep English.
            let reconcileError = error as? ReconcileError
            problem("error: " + ErrorText.text(error, log == nil ? .current : .english))
            for hint in (log == nil ? reconcileError?.hints(.current) : reconcileError?.hints) ?? [] { problem("hint: \(hint)") }
            return finished(.failed, error: ErrorText.english(error))
        }
    }

    /// After a pass: its event or line, and the metrics file. `nextPassIn` is the wait in watch mode.
    func report(_ summary: PassSummary, nextPassIn: Duration?, consecutiveFailures: Int?) {
        if let log {
            log.emit(EventLog.PassEvent(summary, nextPassIn: nextPassIn, consecutiveFailures: consecutiveFailures))
        } else if let nextPassIn {
            let localizer = Localizer.current
            let arguments = ["number": String(summary.number), "duration": ApplyProgress.format(summary.duration),
                             "next": IntervalText.describe(nextPassIn)]
            var line = switch summary.outcome {
            case .converged: localizer.text("apply.pass.converged", arguments)
            case .notConverged: localizer.text("apply.pass.notConverged", arguments)
            case .failed: localizer.text("apply.pass.failed", arguments)
            case .interrupted: localizer.text("apply.pass.interrupted", arguments)
            }
            if let failures = consecutiveFailures, failures > 0 {
                line += " " + localizer.text("apply.pass.backingOff", ["count": String(failures)])
            }
            line += localizer.text("apply.pass.end") + "\n"
            if text { Terminal.write(line) } else { Terminal.writeStandardError(line) }
        }
        metrics.record(summary)
        guard let metricsFile else { return }
        do {
            try metricsFile.write()
        } catch {
            problem("warning: \(error)")
        }
    }

    /// The language of `problem`'s lines: the user's on stderr, English in a JSON log.
    private var problemLocalizer: Localizer { log == nil ? .current : .english }

    /// A message worded for people on stderr and in English in a `--log-format json` event.
    private func problem(_ message: LocalizedMessage, prefix: String = "") {
        guard let log else { return Terminal.error(prefix + message.text(.current)) }
        let kind = prefix.hasPrefix("warning") ? "warning" : prefix.hasPrefix("hint") ? "hint" : "error"
        log.emit(EventLog.MessageEvent(kind, TerminalText.escape(message.english)))
    }

    /// One line of error or warning: text on stderr, or with `--log-format json` an event of its own
    /// (escaped the same way, since it may carry names and messages from a host).
    private func problem(_ line: String) {
        guard let log else { return Terminal.error(line) }
        let (kind, message) = line.hasPrefix("warning: ") ? ("warning", line.dropFirst(9))
            : line.hasPrefix("hint: ") ? ("hint", line.dropFirst(6))
            : ("error", line.hasPrefix("error: ") ? line.dropFirst(7) : Substring(line))
        log.emit(EventLog.MessageEvent(kind, TerminalText.escape(String(message))))
    }
}
