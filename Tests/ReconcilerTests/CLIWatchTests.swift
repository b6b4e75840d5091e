import Crypto
import Foundation
import Testing

/// `apply --watch` as systemd runs it: the real binary on the test driver, signalled by pid.
/// Each pass connects afresh, and test:///default starts empty on every connection.
@Suite("Command line: the watch loop", .serialized)
struct CLIWatchTests {
    static let network = Manifests.document("Network", "lab", "mode: isolated") + "\n"
    /// test:///default holds an unmanaged domain `test`: declaring it never converges.
    static let conflict = Manifests.document("VirtualMachine", "test", "memory: 256MiB") + "\n"

    static func watch(_ fixture: ManifestFixture, _ extra: [String]) throws -> CLIProcess {
        try CLIProcess(["apply", fixture.path, "--connect", "test:///default", "--watch", "--jitter", "0%", "--log-format", "json",
                        "--state-dir", fixture.directory.appendingPathComponent("state").path] + extra)
    }

    static func seconds(_ event: [String: Any], _ key: String) -> Double? { event[key] as? Double }

    static func start(_ event: [String: Any]) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return (event["start"] as? String).flatMap(formatter.date(from:))
    }

    @Test("a pass that does not converge doubles the wait; a converged one resets it; metrics follow each pass")
    func backoff() async throws {
        let fixture = try ManifestFixture(Self.conflict)
        let metrics = fixture.directory.appendingPathComponent("reconcile.prom").path
        let run = try Self.watch(fixture, ["--interval", "200ms", "--metrics-file", metrics])
        #expect(try await run.waitFor { run.passes.count >= 2 }, "\(run.stderr)")
        try Self.network.write(toFile: fixture.file(), atomically: true, encoding: .utf8)
        #expect(try await run.waitFor { run.passes.contains { $0["outcome"] as? String == "converged" } }, "\(run.stderr)")
        // Read before SIGTERM: a pass the signal interrupts did not verify the host, and says so (0).
        let convergedInMetrics = try await run.waitFor {
            (try? String(contentsOfFile: metrics, encoding: .utf8))?.contains("reconcile_host_converged{host=\"local\"} 1.0\n") == true
        }
        #expect(convergedInMetrics, "the metrics file says the host converged after a converged pass")
        run.signal(SIGTERM)
        #expect(try await run.exitStatus() == 0, "\(run.stderr)")

        let passes = run.passes
        #expect(passes.prefix(2).map { $0["outcome"] as? String } == ["not-converged", "not-converged"])
        #expect(passes.prefix(2).map { Self.seconds($0, "nextPassInSeconds") } == [0.4, 0.8])
        #expect(passes.prefix(2).map { $0["consecutiveFailures"] as? Int } == [1, 2])
        let gap = try #require(Self.start(passes[1])).timeIntervalSince(try #require(Self.start(passes[0])))
        #expect(gap >= 0.4, "the second pass waited the doubled interval")
        let converged = try #require(passes.first { $0["outcome"] as? String == "converged" })
        #expect(Self.seconds(converged, "nextPassInSeconds") == 0.2 && converged["consecutiveFailures"] as? Int == 0)
        #expect(converged["hostsConverged"] as? [String: Bool] == ["local": true])

        let text = try String(contentsOfFile: metrics, encoding: .utf8)
        #expect(text.contains("reconcile_passes_total{outcome=\"not-converged\"} "))
        #expect(text.contains("reconcile_steps_total{kind=\"define-network\",outcome=\"succeeded\"} "))
        #expect(text.contains("# TYPE reconcile_last_pass_duration_seconds gauge\n"))
    }

    @Test("SIGHUP starts the next pass at once, with the manifests as they are now; SIGINT stops like SIGTERM")
    func reload() async throws {
        let fixture = try ManifestFixture(Self.network)
        let run = try Self.watch(fixture, ["--interval", "1h"])
        #expect(try await run.waitFor { run.passes.count == 1 }, "\(run.stderr)")
        #expect(Self.seconds(run.passes[0], "nextPassInSeconds") == 3_600)
        try Manifests.join(Manifests.document("Network", "lab", "mode: isolated"), Manifests.document("Network", "lab2", "mode: isolated"))
            .write(toFile: fixture.file(), atomically: true, encoding: .utf8)
        run.signal(SIGHUP)
        #expect(try await run.waitFor(.seconds(10)) { run.passes.count == 2 }, "\(run.stderr)")
        let stepIDs = run.events.compactMap { $0["id"] as? String }
        #expect(stepIDs.filter { $0 == "define-network:local/network/lab2" }.count == 1)
        run.signal(SIGINT)
        #expect(try await run.exitStatus() == 0, "\(run.stderr)")
    }

    @Test("SIGTERM during a step lets that step finish and starts no other; --watch then exits 0, a single apply 1",
          arguments: [true, false])
    func gracefulShutdown(watch: Bool) async throws {
        let image = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let digest = SHA256.hash(data: image).map { String(format: "%02x", $0) }.joined()
        let fixture = try ManifestFixture(Manifests.join(
            Manifests.document("StoragePool", "images", "path: /srv/images"),
            Manifests.document("Distribution", "deb", "family: debian\ncloudImage: {url: 'http://127.0.0.1:PORT/d.img', checksum: 'sha256:\(digest)'}"),
            Manifests.document("VirtualMachine", "web", "memory: 256MiB\ndisks: [{name: root, from: deb, size: 1GiB}]")))
        let server = try await GatedHTTPServer.start(serving: image, in: fixture.directory)
        defer { server.stop() }
        let text = try String(contentsOfFile: fixture.file(), encoding: .utf8).replacingOccurrences(of: "PORT", with: "\(server.port)")
        try text.write(toFile: fixture.file(), atomically: true, encoding: .utf8)
        let cache = ["--cache-dir", fixture.directory.appendingPathComponent("cache").path]
        let run = watch ? try Self.watch(fixture, ["--interval", "1h"] + cache)
            : try CLIProcess(["apply", fixture.path, "--connect", "test:///default", "--log-format", "json",
                              "--state-dir", fixture.directory.appendingPathComponent("state").path] + cache)
        #expect(try await run.waitFor { server.requested }, "\(run.stderr)")
        run.signal(SIGTERM)
        try await Task.sleep(for: .milliseconds(500))
        #expect(run.process.isRunning, "the download is still running, so reconcile waits for it")
        server.release()
        #expect(try await run.exitStatus() == (watch ? 0 : 1), "\(run.stderr)")

        let steps = run.events.filter { $0["event"] as? String == "step" }
        let download = try #require(steps.first { ($0["id"] as? String)?.hasPrefix("download-image:") == true })
        #expect(download["outcome"] as? String == "succeeded", "\(download)")
        let others = steps.filter { $0["outcome"] as? String != "succeeded" }
        #expect(!others.isEmpty && others.allSatisfy { $0["outcome"] as? String == "skipped" && $0["error"] as? String == "reconcile is shutting down" },
                "\(others)")
        #expect(!steps.contains { ($0["id"] as? String)?.hasPrefix("upload-image:") == true && $0["outcome"] as? String == "succeeded" })
        #expect(run.passes.last?["outcome"] as? String == "interrupted")
    }

    @Test("with --log-format json every line on stderr is a JSON event: steps, the pass, errors with file and line")
    func jsonStderr() throws {
        let fixture = try ManifestFixture(Self.network)
        let good = try CLI.reconcile(["apply", fixture.path, "--connect", "test:///default", "--log-format", "json"])
        #expect(good.status == 0, "\(good.output)")
        let lines = good.stderr.split(separator: "\n")
        let events = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(events.count == lines.count && events.count == 4, "\(good.stderr)")
        #expect(events.map { $0["event"] as? String } == ["step", "step", "step", "pass"])
        #expect(events.last?["outcome"] as? String == "converged" && events.last?["nextPassInSeconds"] == nil)
        #expect(!good.stdout.contains("[  "), "no text progress lines beside the events")

        // --verbose adds library logs, as JSON too; the git URL's password never appears in them.
        let verbose = try CLI.reconcile(["apply", "--git", "http://alice:s3cret@127.0.0.1:1/infra.git", "--connect", "test:///default",
                                         "--log-format", "json", "--verbose", "--state-dir", fixture.directory.appendingPathComponent("state").path])
        let verboseLines = verbose.stderr.split(separator: "\n")
        #expect(verbose.status == 1 && !verboseLines.isEmpty)
        #expect(verboseLines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil }, "\(verbose.stderr)")
        #expect(verboseLines.contains { $0.contains("\"event\":\"log\"") })
        #expect(!verbose.output.contains("s3cret"), "\(verbose.output)")

        try "apiVersion: reconcile/v1\nkind: Network\nmetadata: {name: lab}\nspec: {mode: sideways}\n"
            .write(toFile: fixture.file(), atomically: true, encoding: .utf8)
        let bad = try CLI.reconcile(["apply", fixture.path, "--connect", "test:///default", "--log-format", "json"])
        #expect(bad.status == 1)
        let badLines = bad.stderr.split(separator: "\n")
        let badEvents = badLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(badEvents.count == badLines.count, "\(bad.stderr)")
        #expect(badEvents.contains { $0["event"] as? String == "error" && ($0["message"] as? String)?.contains("\(fixture.file()):4:") == true },
                "\(bad.stderr)")
        #expect(badEvents.last?["event"] as? String == "pass" && badEvents.last?["outcome"] as? String == "failed")
    }

    @Test("--interval and --jitter refuse what they cannot read")
    func invalidOptions() throws {
        let bad = try CLI.reconcile(["apply", Manifests.exampleDirectory, "--watch", "--interval", "5min"])
        #expect(bad.status == 64 && bad.stderr.contains("'5min' is not a duration: write a whole number and a unit, e.g. 30s, 5m, 1h"), "\(bad.output)")
        let jitter = try CLI.reconcile(["apply", Manifests.exampleDirectory, "--watch", "--jitter", "200%"])
        #expect(jitter.status == 64 && jitter.stderr.contains("'200%' is not a percentage"), "\(jitter.output)")
        let zero = try CLI.reconcile(["apply", Manifests.exampleDirectory, "--watch", "--interval", "0s"])
        #expect(zero.status == 64 && zero.stderr.contains("the interval must be longer than 0"), "\(zero.output)")
        let once = try CLI.reconcile(["apply", Manifests.exampleDirectory, "--interval", "5m"])
        #expect(once.status == 64 && once.stderr.contains("--interval and --jitter need --watch"), "\(once.output)")
        let saved = try CLI.reconcile(["apply", "--plan", "x.plan", "--watch"])
        #expect(saved.status == 64 && saved.stderr.contains("--watch plans afresh every pass"), "\(saved.output)")
    }
}
