import Foundation
import Reconciler
@testable import Status
import Testing
@testable import LibvirtAdapter

/// `reconcile status` against libvirt's test driver: drift read from the plan, and the three renderings.
@Suite("Status view")
struct StatusRenderingTests {
    @Test("each guest is classified from the plan: in sync, drifted, conflict, not declared (unmanaged), not created")
    func classification() async throws {
        let scenario = try await StatusScenario.make()
        let host = try #require(scenario.report.hosts.first)
        #expect(scenario.report.hosts.count == 1 && host.error == nil, "\(host.error ?? "")")
        let byName = Dictionary(uniqueKeysWithValues: host.guests.map { ($0.name, $0) })
        #expect(byName["calm"]?.drift == .inSync && byName["calm"]?.managed == true)
        #expect(byName["calm"]?.state == "shutoff")
        #expect(byName["web"]?.drift == .drifted && byName["web"]?.managed == true && byName["web"]?.autostart == true)
        #expect(byName["test"]?.drift == .conflict && byName["test"]?.managed == false)
        #expect(byName["test"]?.reason?.contains("not created by reconcile") == true)
        #expect(byName[StatusScenario.strayName]?.drift == .notDeclared && byName[StatusScenario.strayName]?.managed == false)
        #expect(byName["later"]?.drift == .missing && byName["later"]?.state == "absent" && byName["later"]?.type == nil)
        #expect(host.guests.map(\.name) == host.guests.map(\.name).sorted())

        // fedora-41's KVM climbed every rung: the next action is to create guests.
        let kvm = try #require(host.hypervisors.first)
        #expect(kvm.title == "KVM/QEMU" && kvm.rungs.allSatisfy(\.reached) && kvm.next == .create)
        #expect(host.hypervisors.map(\.title) == ["KVM/QEMU", "LXD", "VirtualBox"])
    }

    @Test("the first rung not reached names the next action")
    func nextAction() async throws {
        // debian-12: KVM installed and enabled, libvirtd not running.
        let report = await StatusCollector(engine: Engine(connector: FixedConnector(hypervisor: FakeHypervisor())),
                                           detector: FixtureDetector(root: StatusScenario.fixtureRoot("debian-12")))
            .collect(StatusCollector.implicitManifests(uri: "test:///default"))
        let kvm = try #require(report.hosts.first?.hypervisors.first)
        #expect(kvm.rungs.map(\.reached) == [true, true, true, false, false])
        #expect(kvm.next == .start)
        #expect(kvm.detail != nil)
    }

    @Test("without manifests every domain is listed, not declared and unmanaged")
    func withoutManifests() async throws {
        let uri = try TestDriverNode.write()
        let hypervisor = try await LibvirtHypervisor.connect(uri: uri)
        let report = await StatusCollector(engine: Engine(connector: FixedConnector(hypervisor: hypervisor)),
                                           detector: FixtureDetector(root: StatusScenario.fixtureRoot("fedora-41")))
            .collect(StatusCollector.implicitManifests(uri: uri))
        let host = try #require(report.hosts.first)
        #expect(host.name == "local" && host.uri == uri)
        #expect(host.guests.map(\.name) == ["test"])
        #expect(host.guests.first?.drift == .notDeclared && host.guests.first?.managed == false)
        #expect(host.guests.first?.state == "running" && host.guests.first?.type == "test")
        // The test driver has no DHCP leases; its agent and ARP answers are used, no waiting.
        #expect(host.guests.first?.addresses.first == GuestStatus.Address(address: "192.168.122.3", source: "agent"))
        let text = StatusTextRenderer(style: .plain).render(report)
        #expect(text.contains("not declared (unmanaged)"))
    }

    @Test("distribution from the disk's `from:`, agent as recorded in reconcile's metadata")
    func distributionAndAgent() throws {
        let manifests = try ManifestFixture(ProvisioningPlannerTests.manifests()).load()
        let spec = try #require(manifests.virtualMachines.first)
        let address = ResourceAddress(hypervisor: "h", kind: .domain, name: "web")
        let missing = GuestStatus(missing: spec, plan: PlanVerdict(Plan(), domain: address))
        #expect(missing.distribution == "deb" && missing.agent == .pending && missing.drift == .missing)
        #expect(missing.agentText == "not installed")

        var domain = ObservedDomain(name: "web", type: "kvm", vcpus: 1, memoryKiB: 1_048_576, state: .running, autostart: true,
                                    ownership: Ownership(name: "web", specHash: "x", agent: "sha256:agent"))
        let active = GuestStatus(observed: domain, declared: spec, plan: PlanVerdict(Plan(), domain: address))
        #expect(active.agent == .active && active.distribution == "deb" && active.drift == .inSync && active.managed)
        domain.ownership = nil
        let undeclared = GuestStatus(observed: domain, declared: nil, plan: PlanVerdict(Plan(), domain: address))
        #expect(undeclared.distribution == nil && undeclared.agent == .none && undeclared.driftText == "not declared (unmanaged)")
    }

    @Test("text: cards with ✓/✗ and the next action, one row per guest, host text escaped")
    func text() async throws {
        let scenario = try await StatusScenario.make()
        let text = StatusTextRenderer(style: .plain).render(scenario.report)
        #expect(text.contains("KVM/QEMU   ✓ available  ✓ installed  ✓ enabled  ✓ running  ✓ initialized  → Create"))
        for header in ["NAME", "TYPE", "DISTRIBUTION", "STATE", "IP", "AGENT", "DRIFT", "AUTOSTART", "UPTIME"] {
            #expect(text.contains(header))
        }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  calm ") && $0.contains("in sync") && $0.contains("shutoff") })
        #expect(lines.contains { $0.hasPrefix("  web ") && $0.contains("drifted") })
        #expect(lines.contains { $0.hasPrefix("  test ") && $0.contains("conflict") })
        #expect(lines.contains { $0.hasPrefix("  later ") && $0.contains("not created") && $0.contains("absent") })
        // The bidi override in the stray domain's name is shown as an escape, never sent raw.
        #expect(!text.unicodeScalars.contains("\u{202E}"))
        #expect(lines.contains { $0.contains("stray<b>&amp;\\u{202e}x") && $0.contains("not declared (unmanaged)") })
        #expect(!text.contains("\u{1B}["))
    }

    @Test("JSON: the report itself, read back equal")
    func json() async throws {
        let scenario = try await StatusScenario.make()
        let json = StatusJSONRenderer().render(scenario.report)
        let decoded = try JSONDecoder().decode(StatusReport.self, from: Data(json.utf8))
        #expect(decoded == scenario.report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["formatVersion"] as? Int == 1)
        #expect(json.contains("\"drift\" : \"not-declared\"") && json.contains("\"drift\" : \"in-sync\""))
    }

    @Test("HTML: self-contained, host text escaped, chips per state, the same data as JSON embedded")
    func html() async throws {
        let scenario = try await StatusScenario.make()
        let html = StatusHTMLRenderer().render(scenario.report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Nothing to fetch and nothing to run.
        for forbidden in ["http://", "https://", "src=", "href=", "<link", "@import", "url("] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.contains("<script type=\"application/json\" id=\"status-data\">"))
        // The stray name is text, not markup, even its entity-looking part.
        #expect(!html.contains("stray<b>"))
        #expect(html.contains("stray&lt;b&gt;&amp;amp;"))
        #expect(html.contains("class=\"chip ok\"") && html.contains("class=\"chip bad\"") && html.contains("class=\"chip warn\""))
        #expect(html.contains("unmanaged"))
        for name in ["calm", "web", "test", "later"] { #expect(html.contains("<td>\(name)")) }

        let embedded = try #require(Self.embeddedJSON(in: html))
        #expect(!embedded.contains("<"))
        let decoded = try JSONDecoder().decode(StatusReport.self, from: Data(embedded.utf8))
        #expect(decoded == scenario.report)
    }

    static func embeddedJSON(in html: String) -> String? {
        guard let open = html.range(of: "id=\"\(StatusHTMLRenderer.dataElementID)\">"),
              let close = html.range(of: "</script>", range: open.upperBound..<html.endIndex) else { return nil }
        return String(html[open.upperBound..<close.lowerBound])
    }
}
