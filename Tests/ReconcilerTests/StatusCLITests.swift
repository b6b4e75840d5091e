import Foundation
import Status
import Testing

/// `reconcile status` as a user runs it: the CLI only wires the collector to the renderers.
@Suite("Command line: status")
struct StatusCLITests {
    @Test("without manifests: every domain of --connect's host, as JSON, HTML or text")
    func withoutManifests() throws {
        let json = try CLI.reconcile(["status", "--connect", "test:///default", "--output", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try JSONDecoder().decode(StatusReport.self, from: Data(json.stdout.utf8))
        let host = try #require(report.hosts.first)
        #expect(host.name == "local" && host.uri == "test:///default")
        #expect(host.guests.map(\.name) == ["test"] && host.guests.first?.drift == .notDeclared)
        // This machine's cards, whatever it runs.
        #expect(host.hypervisors.map(\.title) == ["KVM/QEMU", "LXD", "VirtualBox"] || host.cardsNote != nil)

        let html = try CLI.reconcile(["status", "--connect", "test:///default", "--output", "html"])
        #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>"))
        let text = try CLI.reconcile(["status", "--connect", "test:///default"])
        #expect(text.status == 0 && text.stdout.contains("Hypervisor local (test:///default)"))
        #expect(text.stdout.contains("not declared (unmanaged)"))
    }

    @Test("with manifests: declared guests not on the host are listed as not created")
    func withManifests() throws {
        let run = try CLI.reconcile(["status", Manifests.exampleDirectory, "--connect", "test:///default", "--output", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONDecoder().decode(StatusReport.self, from: Data(run.stdout.utf8))
        let guests = try #require(report.hosts.first?.guests)
        #expect(guests.first { $0.name == "web-1" }?.drift == .missing)
        #expect(guests.first { $0.name == "test" }?.drift == .notDeclared)
    }

    @Test("an unsafe --connect is refused before anything is read")
    func unsafeConnect() throws {
        let run = try CLI.reconcile(["status", "--connect", "qemu+ext:///system?command=/bin/sh"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("ext transport"))
    }
}
