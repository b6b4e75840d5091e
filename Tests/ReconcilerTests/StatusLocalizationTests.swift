import Foundation
import HostCommands
import HostProbe
import LibvirtAdapter
import Localization
import Reconciler
import Spec
import Status
import Testing

/// `reconcile status` in every catalog language: headings, column names, states and next actions
/// translated; guest names and URIs as they are; the JSON (alone and inside the page) untouched.
@Suite("Status in every language")
struct StatusLocalizationTests {
    @Test("text: headings, columns and words in the locale", arguments: CatalogLocale.allCases)
    func text(locale: CatalogLocale) async throws {
        let localizer = Localizer(locale: locale)
        let scenario = try await StatusScenario.make()
        let host = try #require(scenario.report.hosts.first)
        let text = StatusTextRenderer(style: .plain, localizer: localizer).render(scenario.report)
        let lines = text.split(separator: "\n").map(String.init)

        #expect(text.contains(localizer.text("status.host", ["name": host.name]) + " (\(host.uri))"))
        #expect(text.contains("→ " + localizer.text("status.next.create")))
        #expect(text.contains("✓ " + localizer.text("detect.rung.initialized")))
        let header = try #require(lines.first { $0.contains(localizer.text("status.column.name").uppercased()) })
        for key in ["status.column.state", "status.column.drift", "status.column.autostart", "status.column.uptime"] {
            #expect(header.contains(localizer.text(key).uppercased()), "\(locale): \(key)")
        }
        #expect(lines.contains { $0.hasPrefix("  calm ") && $0.contains(localizer.text("status.drift.inSync"))
            && $0.contains(localizer.text("status.state.shutoff")) })
        #expect(lines.contains { $0.hasPrefix("  later ") && $0.contains(localizer.text("status.drift.missing"))
            && $0.contains(localizer.text("status.state.absent")) })
        #expect(lines.contains { $0.hasPrefix("  test ") && $0.contains(localizer.text("status.drift.conflict")) })
        #expect(lines.contains { $0.contains("stray<b>&amp;\\u{202e}x") && $0.contains(localizer.text("status.drift.unmanaged")) })
        if locale != .english {
            // (A guest's reason is the plan's text, which this view does not word.)
            for english in ["in sync", "not declared", "→ Create", "no guests"] {
                #expect(!text.contains(english), "\(locale) still says \(english)")
            }
        }
    }

    @Test("text: columns line up in terminal columns, wide CJK headings included", arguments: CatalogLocale.allCases)
    func alignment(locale: CatalogLocale) async throws {
        let localizer = Localizer(locale: locale)
        let scenario = try await StatusScenario.make()
        let lines = StatusTextRenderer(style: .plain, localizer: localizer).render(scenario.report)
            .split(separator: "\n").map(String.init)
        let stateHeading = localizer.text("status.column.state").uppercased()
        let header = try #require(lines.first { $0.contains(stateHeading) })
        let row = try #require(lines.first { $0.hasPrefix("  calm ") })
        let headerColumn = try #require(header.range(of: stateHeading)).lowerBound
        let rowColumn = try #require(row.range(of: localizer.text("status.state.shutoff"))).lowerBound
        #expect(String(header[..<headerColumn]).terminalColumns == String(row[..<rowColumn]).terminalColumns,
                "\(locale):\n\(header)\n\(row)")
    }

    @Test("HTML: lang (and dir for Arabic) on the page, words in the locale, the same JSON inside",
          arguments: CatalogLocale.allCases)
    func html(locale: CatalogLocale) async throws {
        let localizer = Localizer(locale: locale)
        let scenario = try await StatusScenario.make()
        let html = StatusHTMLRenderer(localizer: localizer).render(scenario.report)
        let tag = locale.rawValue.replacingOccurrences(of: "_", with: "-")
        let direction = locale == .arabic ? " dir=\"rtl\"" : ""
        #expect(html.contains("<html lang=\"\(tag)\"\(direction)>"), "\(html.prefix(200))")
        #expect(locale == .arabic || !html.contains("dir=\"rtl\""))
        #expect(html.contains("<title>\(localizer.text("status.page.title"))</title>"))
        #expect(html.contains("<th>\(localizer.text("status.column.distribution"))</th>"))
        #expect(html.contains(localizer.text("status.next.create")))
        for name in ["calm", "web", "test", "later"] { #expect(html.contains("<td>\(name)")) }

        let embedded = try #require(StatusRenderingTests.embeddedJSON(in: html))
        let english = try #require(StatusRenderingTests.embeddedJSON(in: StatusHTMLRenderer(localizer: .english).render(scenario.report)))
        #expect(embedded == english, "the embedded JSON is the same in every language")
        let decoded = try JSONDecoder().decode(StatusReport.self, from: Data(embedded.utf8))
        #expect(decoded == scenario.report)
    }

    /// A machine that was not probed: the note is English in JSON and worded per reader in text and HTML.
    struct UnprobedDetector: HostDetecting {
        func detect(for hypervisor: HypervisorSpec) async throws -> DetectionReport {
            throw HostNotProbed(LocalizedMessage("cli.status.remoteHost", ["uri": hypervisor.uri]))
        }
    }

    @Test("a note from the collector: English in JSON, the reader's language on the page")
    func notProbedNote() async throws {
        let hypervisor = try await LibvirtHypervisor.connect(uri: "test:///default")
        let collector = StatusCollector(engine: Engine(connector: FixedConnector(hypervisor: hypervisor)), detector: UnprobedDetector())
        let report = await collector.collect(StatusCollector.implicitManifests(uri: "test:///default"))
        let host = try #require(report.hosts.first)
        #expect(host.cardsNote == "test:///default is on another machine; set spec.ssh to probe it")
        let json = StatusJSONRenderer().render(report)
        #expect(json.contains("is on another machine"))
        let german = Localizer(locale: .german)
        let text = StatusTextRenderer(style: .plain, localizer: german).render(report)
        #expect(text.contains(german.text("status.notProbed", ["reason": german.text("cli.status.remoteHost", ["uri": "test:///default"])])))
        #expect(!text.contains("is on another machine"))
        #expect(StatusHTMLRenderer(localizer: german).render(report).contains("liegt auf einer anderen Maschine"))
    }
}
