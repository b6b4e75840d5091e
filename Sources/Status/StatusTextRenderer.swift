import HostCommands
import Reconciler
import Spec

/// The status for a terminal: a row of hypervisor cards, then the guest table, per host. Every value
/// from a host or a manifest goes through `TerminalText.escape`, so a domain name cannot move the cursor.
public struct StatusTextRenderer: Sendable {
    public let style: TerminalStyle

    public init(style: TerminalStyle) {
        self.style = style
    }

    public func render(_ report: StatusReport) -> String {
        var lines: [String] = []
        for host in report.hosts {
            if !lines.isEmpty { lines.append("") }
            lines.append(style.bold("Hypervisor \(safe(host.name))") + " (\(safe(host.uri)))")
            lines += cards(host)
            lines.append("")
            lines += table(host)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func cards(_ host: HostStatus) -> [String] {
        if let note = host.cardsNote { return ["  hypervisors not probed: \(safe(note))"] }
        return host.hypervisors.map { card in
            let ladder = card.rungs.map { rung in
                rung.reached ? style.green("✓ \(rung.name)") : style.red("✗ \(rung.name)")
            }.joined(separator: "  ")
            let next = card.next.map { "  → \($0.title)" } ?? "  → not available on this machine"
            return "  " + style.bold(card.title.padding(toLength: 10, withPad: " ", startingAt: 0)) + " " + ladder + next
        }
    }

    func table(_ host: HostStatus) -> [String] {
        if let error = host.error { return ["  " + style.red("guests not read: \(safe(error))")] }
        if host.guests.isEmpty { return ["  no guests"] }
        let header = ["NAME", "TYPE", "DISTRIBUTION", "STATE", "IP", "AGENT", "DRIFT", "AUTOSTART", "UPTIME"]
        let rows = host.guests.map { guest in
            [guest.name, guest.typeText, guest.distributionText, guest.state, guest.addressText, guest.agentText,
             guest.driftText, guest.autostartText, guest.uptimeText].map(safe)
        }
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String], colour: (String) -> String = { $0 }) -> String {
            let padded = cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
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

    func safe(_ text: String) -> String { TerminalText.escape(text) }
}
