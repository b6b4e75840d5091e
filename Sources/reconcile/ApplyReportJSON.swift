import Foundation
import Reconciler

/// The result of `apply --output json`: the steps' outcomes and whether the hosts converged.
enum ApplyReportJSON {
    struct Document: Encodable {
        struct StepOutcome: Encodable {
            var id: String
            var outcome: String
            var durationSeconds: Double
            var message: String?
            /// Bytes the step sent to the host (image and seed uploads).
            var uploadedBytes: UInt64?
        }

        var formatVersion = 1
        var summary: Plan.Summary
        var steps: [StepOutcome]
        var converged: Bool
        var remainingSteps: [String]
        var blockers: [PreflightBlocker]
        /// What is left alone after the run (before it, when nothing ran): any makes `converged` false.
        var conflicts: [PlanJSONRenderer.ConflictEntry]
        /// The manifests' git commit, with `--git`.
        var commit: String?
        /// One entry per hypervisor: reached or not, converged or not, steps and time spent.
        var hosts: [HostSummary]
        /// Running guests whose changes wait for their next boot (restartPolicy: never), as addresses.
        var restartPending: [String]
    }

    static func render(plan: Plan, result: Engine.ApplyResult?, events: [ApplyProgress.Record], hosts: [HostSummary],
                       commit: String? = nil) -> String {
        let document = Document(
            summary: plan.summary,
            steps: events.map { .init(id: $0.id, outcome: $0.outcome, durationSeconds: $0.seconds, message: $0.message, uploadedBytes: $0.uploadedBytes) },
            converged: result?.converged ?? plan.isConverged,
            remainingSteps: result?.remaining.steps.map(\.id) ?? [],
            blockers: result?.remaining.blockers ?? plan.blockers,
            conflicts: (result?.remaining.conflicts ?? plan.conflicts).map(PlanJSONRenderer.ConflictEntry.init),
            commit: commit,
            hosts: hosts,
            restartPending: plan.restartPending.map(\.description))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }
}
