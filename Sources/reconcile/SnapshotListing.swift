import Foundation
import HostCommands
import Localization
import Reconciler
import Spec

/// A VM's snapshots as `snapshot list` prints them, in text (escaped) or JSON.
struct SnapshotListing {
    struct Row: Codable {
        var name: String
        var created: String?
        var state: String?
        var kind: String
        var current: Bool
        var managedByReconcile: Bool
        var description: String?
    }

    let domain: ObservedDomain

    var rows: [Row] {
        let recorded = Set(domain.ownership?.snapshots ?? [])
        return domain.snapshots.map { snapshot in
            Row(name: snapshot.name,
                created: snapshot.creationTime.map { ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval($0))) },
                state: snapshot.state, kind: snapshot.external ? "external" : "internal", current: snapshot.isCurrent,
                managedByReconcile: recorded.contains(snapshot.name), description: snapshot.description)
        }
    }

    func text(_ localizer: Localizer = .current) -> String {
        guard !rows.isEmpty else { return localizer.text("cli.snapshot.none", ["vm": TerminalText.escape(domain.name)]) + "\n" }
        let header = ["", localizer.text("cli.snapshot.column.name"), localizer.text("cli.snapshot.column.created"),
                      localizer.text("cli.snapshot.column.state"), localizer.text("cli.snapshot.column.kind"),
                      localizer.text("cli.snapshot.column.madeBy"), localizer.text("cli.snapshot.column.description")]
            .map { $0.uppercased() }
        let lines = [header] + rows.map { row in
            [row.current ? "*" : "", row.name, row.created ?? "-", row.state ?? "-", row.kind,
             row.managedByReconcile ? "reconcile" : "other", row.description ?? ""].map(TerminalText.escape)
        }
        let widths = header.indices.map { column in lines.map { $0[column].terminalColumns }.max() ?? 0 }
        let body = lines.map { line in
            line.enumerated().map { column, value in
                column == line.count - 1 ? value : value.paddedToColumns(widths[column])
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return body.joined(separator: "\n") + "\n" + localizer.text("cli.snapshot.currentNote") + "\n"
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(Document(virtualMachine: domain.name, snapshots: rows)), as: UTF8.self) + "\n"
    }

    private struct Document: Codable {
        var virtualMachine: String
        var snapshots: [Row]
    }
}
