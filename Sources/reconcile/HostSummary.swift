import Foundation
import HostCommands
import Localization
import Reconciler
import Spec

/// One row of the per-host table that ends plan and apply on several hypervisors.
struct HostSummary: Encodable {
    enum Status: String, Encodable {
        case converged
        case notConverged = "not converged"
        case unreachable

        /// In the table; the JSON report keeps `rawValue`.
        func label(_ localizer: Localizer) -> String {
            switch self {
            case .converged: localizer.text("apply.status.converged")
            case .notConverged: localizer.text("apply.status.notConverged")
            case .unreachable: localizer.text("apply.status.unreachable")
            }
        }
    }

    var hypervisor: String
    var uri: String
    var status: Status
    var stepsDone: Int
    /// Steps that failed or were skipped because a step they depend on did not succeed.
    var stepsFailed: Int
    var durationSeconds: Double

    /// A row per hypervisor in `manifests`, judged by the latest plan (after apply, the one made
    /// afresh) and by the outcomes of the steps that ran.
    static func rows(manifests: ManifestSet, plan: Plan, records: [ApplyProgress.Record], timings: HostTimings) -> [HostSummary] {
        manifests.hypervisors.map { spec in
            let name = spec.name
            let ran = records.filter { $0.hypervisor == name }
            let done = ran.filter { $0.outcome == "succeeded" }.count
            let failed = ran.count - done
            let pending = plan.steps.contains { $0.resource.hypervisor == name }
                || plan.conflicts.contains { $0.address.hypervisor == name }
                || plan.blockers.contains { $0.hypervisor == name }
            let status: Status = if plan.unreachable.contains(where: { $0.hypervisor == name }) {
                .unreachable
            } else if pending || failed > 0 {
                .notConverged
            } else {
                .converged
            }
            return HostSummary(hypervisor: name, uri: spec.uri, status: status, stepsDone: done, stepsFailed: failed,
                               durationSeconds: timings.duration(of: name).seconds)
        }
    }

    /// The table, for runs over several hypervisors or when one could not be reached; otherwise "".
    static func closingTable(_ rows: [HostSummary], plan: Plan, style: TerminalStyle, localizer: Localizer = .current) -> String {
        rows.count > 1 || !plan.unreachable.isEmpty ? table(rows, style: style, localizer: localizer) : ""
    }

    /// A fixed-width table; every name and URI is escaped, and only the status is coloured.
    static func table(_ rows: [HostSummary], style: TerminalStyle, localizer: Localizer = .current) -> String {
        let header = [localizer.text("apply.table.hypervisor"), "URI", localizer.text("apply.table.status"),
                      localizer.text("apply.table.done"), localizer.text("apply.table.failed"), localizer.text("apply.table.duration")]
        let cells = rows.map { row in
            [TerminalText.escape(row.hypervisor), TerminalText.escape(row.uri), row.status.label(localizer),
             "\(row.stepsDone)", "\(row.stepsFailed)", String(format: "%.2fs", row.durationSeconds)]
        }
        let widths = header.indices.map { column in ([header] + cells).map { $0[column].terminalColumns }.max() ?? 0 }
        func line(_ values: [String], status: Status?) -> String {
            let padded = values.enumerated().map { column, value in
                let text = column == values.count - 1 ? value : value.paddedToColumns(widths[column])
                guard column == 2, let status else { return text }
                return status == .converged ? style.green(text) : style.red(text)
            }
            return "  " + padded.joined(separator: "  ")
        }
        let lines = ["", localizer.text("apply.table.title"), line(header, status: nil)] + zip(rows, cells).map { line($1, status: $0.status) }
        return lines.joined(separator: "\n") + "\n"
    }
}
