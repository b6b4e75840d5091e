import HostCommands
import Localization
import Reconciler
import Spec

/// The status for a terminal: a row of hypervisor cards, then the guest table, per host. Every value
/// from a host or a manifest goes through `TerminalText.escape`, so a domain name cannot move the cursor.
/// Headings and words are in the localizer's language; names, URIs and addresses as they are.
public struct StatusTextRenderer: Sendable {
    public let style: TerminalStyle
    public let localizer: Localizer

    public init(style: TerminalStyle, localizer: Localizer = .current) {
        self.style = style
        self.localizer = localizer
    }

    public func render(_ report: StatusReport) -> String {
        var lines: [String] = []
        for host in report.hosts {
            if !lines.isEmpty { lines.append("") }
            lines.append(style.bold(localizer.text("status.host", ["name": safe(host.name)])) + " (\(safe(host.uri)))")
            lines += cards(host)
            lines.append("")
            lines += table(host)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func cards(_ host: HostStatus) -> [String] {
        if let note = host.cardsNote(localizer) { return ["  " + localizer.text("status.notProbed", ["reason": safe(note)])] }
        return host.hypervisors.map { card in
            let ladder = card.rungs.map { rung in
                let name = localizer.text("detect.rung.\(rung.name)")
                return rung.reached ? style.green("✓ \(name)") : style.red("✗ \(name)")
            }.joined(separator: "  ")
            let next = "  → " + (card.next.map { $0.title(localizer) } ?? localizer.text("status.notAvailableHere"))
            return "  " + style.bold(card.title.padding(toLength: 10, withPad: " ", startingAt: 0)) + " " + ladder + next
        }
    }

    func table(_ host: HostStatus) -> [String] {
        if let error = host.error(localizer) { return ["  " + style.red(localizer.text("status.guestsNotRead", ["reason": safe(error)]))] }
        if host.guests.isEmpty { return ["  " + localizer.text("status.noGuests")] }
        let header = Self.columns(localizer).map { $0.uppercased() }
        let rows = host.guests.map { guest in
            [safe(guest.name), safe(guest.typeText), safe(guest.distributionText), safe(guest.stateText(localizer)),
             safe(guest.addressText), guest.agentText(localizer), guest.driftText(localizer), guest.autostartText(localizer),
             guest.uptimeText]
        }
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.terminalColumns).max() ?? 0
        }
        func line(_ cells: [String], colour: (String) -> String = { $0 }) -> String {
            let padded = cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.paddedToColumns(widths[index])
            }
            return "  " + colour(padded.joined(separator: "  "))
        }
        var lines = [line(header, colour: style.dim)]
        for (guest, row) in zip(host.guests, rows) {
            lines.append(line(row, colour: colour(for: guest.drift)))
            if let reason = guest.reason { lines.append("    " + safe(reason)) }
        }
        return lines
    }

    func colour(for drift: Drift) -> (String) -> String {
        switch drift {
        case .inSync: { $0 }
        case .drifted, .missing: style.yellow
        case .conflict: style.red
        case .notDeclared: style.dim
        }
    }

    /// The guest table's column headings, shared with the HTML page.
    static func columns(_ localizer: Localizer) -> [String] {
        [localizer.text("status.column.name"), localizer.text("status.column.type"), localizer.text("status.column.distribution"),
         localizer.text("status.column.state"), localizer.text("status.column.ip"), localizer.text("status.column.agent"),
         localizer.text("status.column.drift"), localizer.text("status.column.autostart"), localizer.text("status.column.uptime")]
    }

    func safe(_ text: String) -> String { TerminalText.escape(text) }
}
