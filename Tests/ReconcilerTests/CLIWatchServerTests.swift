import Foundation
import Status
import Testing

/// `apply --watch --metrics-addr --serve`: the real binary on the test driver, scraped and browsed
/// over loopback the way Prometheus and a browser would.
@Suite("Command line: metrics and status served in watch mode", .serialized)
struct CLIWatchServerTests {
    /// A network that converges on every pass, a guest whose domain the status reads afresh (each
    /// connection to test:///default starts empty, so the status finds it not created).
    static let manifests = Manifests.join(Manifests.document("Network", "lab", "mode: isolated"),
                                          Manifests.document("VirtualMachine", "web", "memory: 256MiB"))

    @Test("/metrics, / and /status.json answer after a pass; SIGTERM stops both servers and exits 0")
    func serves() async throws {
        let fixture = try ManifestFixture(Self.manifests)
        let metricsPort = try LoopbackHTTP.freePort()
        let statusPort = try LoopbackHTTP.freePort()
        let run = try CLIWatchTests.watch(fixture, ["--interval", "1s", "--metrics-addr", "127.0.0.1:\(metricsPort)",
                                                    "--serve", "127.0.0.1:\(statusPort)"])
        #expect(try await run.waitFor { run.passes.count >= 2 }, "\(run.stderr)")

        let scrape = try #require(LoopbackHTTP.get(port: metricsPort, "/metrics"), "\(run.stderr)")
        #expect(scrape.status == 200)
        #expect(scrape.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true, "\(scrape.headers)")
        let exposition = try PrometheusExposition(scrape.body)
        let samples = exposition.samples
        #expect(exposition.types["reconcile_last_pass_duration_seconds"] == "gauge")
        #expect(exposition.types["reconcile_passes_total"] == "counter")
        #expect(Set(exposition.types.keys).isSubset(of: exposition.helped), "every family has a HELP line")
        let passes = samples.filter { $0.key.hasPrefix("reconcile_passes_total{") }.values.reduce(0, +)
        #expect(passes >= 2, "\(samples)")
        #expect(samples["reconcile_steps_total{kind=\"define-network\",outcome=\"succeeded\"}"].map { $0 >= 2 } == true, "\(samples)")
        let timestamp = try #require(samples["reconcile_last_pass_timestamp_seconds"])
        #expect(abs(timestamp - Date().timeIntervalSince1970) < 60)
        #expect(samples["reconcile_host_converged{host=\"local\"}"] != nil, "\(samples)")
        #expect(samples["reconcile_drift_resources{host=\"local\"}"] != nil && samples["reconcile_conflict_resources{host=\"local\"}"] != nil)
        #expect(LoopbackHTTP.get(port: metricsPort, "/")?.status == 404, "the metrics address serves only /metrics")

        // The page is built after the pass, in the background: wait for it rather than for a fixed time.
        #expect(try await run.waitFor { LoopbackHTTP.get(port: statusPort, "/status.json")?.status == 200 }, "\(run.stderr)")
        let json = try #require(LoopbackHTTP.get(port: statusPort, "/status.json"))
        #expect(json.headers["content-type"] == "application/json")
        let report = try JSONDecoder().decode(StatusReport.self, from: Data(json.body.utf8))
        let host = try #require(report.hosts.first)
        #expect(host.name == "local" && host.uri == "test:///default")
        #expect(host.guests.first { $0.name == "web" }?.drift == .missing, "built from the pass's manifests: \(host.guests)")
        #expect(host.guests.first { $0.name == "test" }?.drift == .notDeclared)
        let page = try #require(LoopbackHTTP.get(port: statusPort, "/"))
        #expect(page.status == 200 && page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.hasPrefix("<!DOCTYPE html>") && page.body.contains("web"))
        #expect(!page.body.contains("src=\"http") && !page.body.contains("href=\"http"), "no external assets")
        #expect(LoopbackHTTP.get(port: statusPort, "/metrics")?.status == 404, "metrics stay on their own address")

        // A guest added to the manifests shows on the page after the next pass.
        try Manifests.join(Self.manifests, Manifests.document("VirtualMachine", "db", "memory: 256MiB"))
            .write(toFile: fixture.file(), atomically: true, encoding: .utf8)
        let refreshed = try await run.waitFor {
            guard let body = LoopbackHTTP.get(port: statusPort, "/status.json")?.body,
                  let report = try? JSONDecoder().decode(StatusReport.self, from: Data(body.utf8)) else { return false }
            return report.hosts.first?.guests.contains { $0.name == "db" } == true
        }
        #expect(refreshed, "the status follows the manifests of the latest pass")

        run.signal(SIGTERM)
        #expect(try await run.exitStatus() == 0, "\(run.stderr)")
        #expect(!LoopbackHTTP.isListening(port: metricsPort) && !LoopbackHTTP.isListening(port: statusPort))
    }

    @Test("one address may serve both; it is closed after SIGTERM")
    func sharedAddress() async throws {
        let fixture = try ManifestFixture(Self.manifests)
        let port = try LoopbackHTTP.freePort()
        let run = try CLIWatchTests.watch(fixture, ["--interval", "1s", "--metrics-addr", "\(port)", "--serve", "127.0.0.1:\(port)"])
        #expect(try await run.waitFor { LoopbackHTTP.get(port: port, "/status.json")?.status == 200 }, "\(run.stderr)")
        #expect(LoopbackHTTP.get(port: port, "/metrics")?.body.contains("# TYPE reconcile_last_pass_converged gauge") == true)
        run.signal(SIGTERM)
        #expect(try await run.exitStatus() == 0, "\(run.stderr)")
        #expect(!LoopbackHTTP.isListening(port: port))
    }

    @Test("a malformed address is refused before anything runs", arguments: ["localhost:9464", "127.0.0.1:", "127.0.0.1:70000", "300.1.2.3:80", "[::1]9464", "127.1:9464"])
    func malformed(address: String) throws {
        let fixture = try ManifestFixture(Self.manifests)
        let run = try CLI.reconcile(["apply", fixture.path, "--connect", "test:///default", "--watch", "--metrics-addr", address])
        #expect(run.status == 64, "\(run.output)")
        #expect(run.stderr.contains("'\(address)' is no listening address"), "\(run.stderr)")
        #expect(!run.stdout.contains("define-network"), "nothing was planned or applied")
    }

    @Test("an address in use is an error that names it")
    func inUse() async throws {
        let fixture = try ManifestFixture(Self.manifests)
        let held = try await GatedHTTPServer.start(serving: Data(), in: fixture.directory)
        defer { held.stop() }
        let run = try CLIWatchTests.watch(fixture, ["--interval", "1h", "--serve", "127.0.0.1:\(held.port)"])
        #expect(try await run.exitStatus() == 1, "\(run.stderr)")
        #expect(run.stderr.contains("cannot serve on 127.0.0.1:\(held.port)"), "\(run.stderr)")
    }

    @Test("an address that is not loopback is used only as written, with a warning")
    func notLoopback() async throws {
        let fixture = try ManifestFixture(Self.manifests)
        let port = try LoopbackHTTP.freePort()
        let run = try CLIWatchTests.watch(fixture, ["--interval", "1h", "--metrics-addr", "0.0.0.0:\(port)"])
        #expect(try await run.waitFor { LoopbackHTTP.get(port: port, "/metrics")?.status == 200 }, "\(run.stderr)")
        #expect(run.events.contains { $0["event"] as? String == "warning" && ($0["message"] as? String)?.contains("not a loopback address") == true },
                "\(run.stderr)")
        run.signal(SIGTERM)
        #expect(try await run.exitStatus() == 0, "\(run.stderr)")
    }

    @Test("--metrics-addr and --serve need --watch")
    func needsWatch() throws {
        let fixture = try ManifestFixture(Self.manifests)
        let run = try CLI.reconcile(["apply", fixture.path, "--connect", "test:///default", "--metrics-addr", "127.0.0.1:9464"])
        #expect(run.status == 64 && run.stderr.contains("need --watch"), "\(run.output)")
    }
}
