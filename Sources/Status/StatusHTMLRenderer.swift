import Foundation
import Plot

/// The status as one self-contained page: inline CSS, no external URL, nothing to run. Cards per
/// hypervisor, a guest table with colour chips, and the JSON report embedded as data, so the page and
/// `--output json` carry the same facts. Built with Plot, which escapes text; host text has its `&`
/// escaped first too, since Plot leaves anything that looks like an entity alone.
public struct StatusHTMLRenderer: Sendable {
    /// The id of the `<script type="application/json">` element that holds the report.
    public static let dataElementID = "status-data"

    public init() {}

    public func render(_ report: StatusReport) -> String {
        let html = HTML(
            .lang(.english),
            .head(
                .encoding(.utf8),
                .element(named: "title", text: "reconcile status"),
                .style(Self.css)
            ),
            .body(
                .header(.h1("reconcile status")),
                .forEach(report.hosts) { host in hostSection(host) },
                .if(report.hosts.isEmpty, .p(.class("note"), "No hypervisors.")),
                .script(.attribute(named: "type", value: "application/json"),
                        .attribute(named: "id", value: Self.dataElementID),
                        .raw(Self.embeddedJSON(report)))
            )
        )
        return "<!DOCTYPE html>\n" + html.render(indentedBy: .spaces(1)) + "\n"
    }

    func hostSection(_ host: HostStatus) -> Node<HTML.BodyContext> {
        .section(.class("host"),
            .h2(text(host.name), .span(.class("uri"), text(host.uri))),
            .div(.class("cards"),
                .forEach(host.hypervisors) { card in cardNode(card) },
                .unwrap(host.cardsNote) { note in .p(.class("note"), text("Hypervisors not probed: \(note)")) }
            ),
            guestTable(host)
        )
    }

    func cardNode(_ card: HypervisorCard) -> Node<HTML.BodyContext> {
        .div(.class("card"),
            .h3(text(card.title)),
            .element(named: "ul", nodes: card.rungs.map { rung in
                Node<HTML.BodyContext>.element(named: "li", nodes: [
                    .span(.class(rung.reached ? "chip ok" : "chip bad"), text(rung.reached ? "✓" : "✗")),
                    text(" " + rung.name),
                ])
            }),
            .p(.class("next"), .unwrap(card.next, { .span(.class("chip action"), text($0.title)) },
                                        else: .span(.class("chip muted"), text("Not available")))),
            .unwrap(card.detail) { .p(.class("detail"), text($0)) }
        )
    }

    func guestTable(_ host: HostStatus) -> Node<HTML.BodyContext> {
        if let error = host.error { return .p(.class("error"), text("Guests not read: \(error)")) }
        let headers = ["Name", "Type", "Distribution", "State", "IP", "Agent", "Drift", "Autostart", "Uptime"]
        return .table(.class("guests"),
            .thead(.tr(.forEach(headers) { .th(text($0)) })),
            .tbody(
                .forEach(host.guests) { guest in
                    .tr(
                        .td(text(guest.name), .if(!guest.managed && guest.drift == .notDeclared, .span(.class("chip muted"), "unmanaged"))),
                        .td(text(guest.typeText)),
                        .td(text(guest.distributionText)),
                        .td(.span(.class("chip \(Self.chipClass(state: guest.state))"), text(guest.state))),
                        .td(text(guest.addressText)),
                        .td(text(guest.agentText)),
                        .td(.span(.class("chip \(Self.chipClass(drift: guest.drift))"), text(guest.drift.title)),
                            .unwrap(guest.reason) { .div(.class("detail"), text($0)) }),
                        .td(text(guest.autostartText)),
                        .td(text(guest.uptimeText))
                    )
                },
                .if(host.guests.isEmpty, .tr(.td(.attribute(named: "colspan", value: "\(headers.count)"), "No guests.")))
            )
        )
    }

    static func chipClass(state: String) -> String {
        switch state {
        case "running": "ok"
        case "paused", "other": "warn"
        case "absent": "bad"
        default: "muted"
        }
    }

    static func chipClass(drift: Drift) -> String {
        switch drift {
        case .inSync: "ok"
        case .drifted, .missing: "warn"
        case .conflict: "bad"
        case .notDeclared: "muted"
        }
    }

    /// Host text as a text node: `&` escaped here, `<` and `>` by Plot.
    func text(_ value: String) -> Node<HTML.BodyContext> {
        .text(value.replacingOccurrences(of: "&", with: "&amp;"))
    }

    /// The JSON report, safe inside `<script>`: `<`, `>` and `&` only occur in JSON strings, where
    /// their `\u` escapes mean the same, so no `</script>` in a name can end the element early.
    static func embeddedJSON(_ report: StatusReport) -> String {
        StatusJSONRenderer().render(report)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
