import Foundation
import Localization
import Plot

/// The status as one self-contained page: inline CSS, no external URL, nothing to run. Cards per
/// hypervisor, a guest table with colour chips, and the JSON report embedded as data, so the page and
/// `--output json` carry the same facts. Built with Plot, which escapes text; host text has its `&`
/// escaped first too, since Plot leaves anything that looks like an entity alone. Headings and words are in
/// the localizer's language, marked with `lang` (and `dir="rtl"` for Arabic); the embedded JSON stays English.
public struct StatusHTMLRenderer: Sendable {
    /// The id of the `<script type="application/json">` element that holds the report.
    public static let dataElementID = "status-data"

    public let localizer: Localizer

    public init(localizer: Localizer = .current) {
        self.localizer = localizer
    }

    public func render(_ report: StatusReport) -> String {
        let title = localizer.text("status.page.title")
        let html = HTML(
            .attribute(named: "lang", value: Self.languageTag(localizer.locale)),
            .if(localizer.locale.isRightToLeft, .attribute(named: "dir", value: "rtl")),
            .head(
                .encoding(.utf8),
                .element(named: "title", text: title),
                .style(Self.css)
            ),
            .body(
                .header(.h1(text(title))),
                .forEach(report.hosts) { host in hostSection(host) },
                .if(report.hosts.isEmpty, .p(.class("note"), text(localizer.text("status.noHypervisors")))),
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
                .unwrap(host.cardsNote(localizer)) { note in .p(.class("note"), text(localizer.text("status.notProbed", ["reason": note]))) }
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
                    text(" " + localizer.text("detect.rung.\(rung.name)")),
                ])
            }),
            .p(.class("next"), .unwrap(card.next, { .span(.class("chip action"), text($0.title(localizer))) },
                                        else: .span(.class("chip muted"), text(localizer.text("status.notAvailable"))))),
            .unwrap(detail(card)) { .p(.class("detail"), text($0)) }
        )
    }

    func guestTable(_ host: HostStatus) -> Node<HTML.BodyContext> {
        if let error = host.error(localizer) { return .p(.class("error"), text(localizer.text("status.guestsNotRead", ["reason": error]))) }
        let headers = StatusTextRenderer.columns(localizer)
        return .table(.class("guests"),
            .thead(.tr(.forEach(headers) { .th(text($0)) })),
            .tbody(
                .forEach(host.guests) { guest in
                    .tr(
                        .td(text(guest.name), .if(!guest.managed && guest.drift == .notDeclared, .span(.class("chip muted"), text(localizer.text("status.unmanaged"))))),
                        .td(text(guest.typeText)),
                        .td(text(guest.distributionText)),
                        .td(.span(.class("chip \(Self.chipClass(state: guest.state))"), text(guest.stateText(localizer)))),
                        .td(text(guest.addressText)),
                        .td(text(guest.agentText(localizer))),
                        .td(.span(.class("chip \(Self.chipClass(drift: guest.drift))"), text(guest.drift.title(localizer))),
                            .unwrap(guest.reason) { .div(.class("detail"), text($0)) }),
                        .td(text(guest.autostartText(localizer))),
                        .td(text(guest.uptimeText))
                    )
                },
                .if(host.guests.isEmpty, .tr(.td(.attribute(named: "colspan", value: "\(headers.count)"), text(localizer.text("status.noGuestsPage")))))
            )
        )
    }

    /// The first blocker in the reader's language, from its messages; the English `detail` otherwise.
    func detail(_ card: HypervisorCard) -> String? {
        guard let blocker = card.blocker else { return card.detail }
        return localizer.text("status.card.detail", ["problem": localizer.text(blocker.problem), "next": localizer.text(blocker.next)])
    }

    /// BCP 47, as `lang` wants it: `zh-TW`, not the catalog's `zh_TW`.
    static func languageTag(_ locale: CatalogLocale) -> String {
        locale.rawValue.replacingOccurrences(of: "_", with: "-")
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
