import Foundation
import Testing
import Unattended

@Suite("Prometheus metrics file")
struct MetricsFileTests {
    /// Parses the text exposition format strictly enough to fail on anything malformed:
    /// `# HELP`/`# TYPE` lines, and `name{label="value",...} number` samples.
    static func parse(_ text: String) throws -> [String: Double] {
        var samples: [String: Double] = [:]
        var types: [String: String] = [:]
        let sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="[^"\\]*"(,[a-zA-Z_][a-zA-Z0-9_]*="[^"\\]*")*)?\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# HELP ") { continue }
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                guard parts.count == 4, ["gauge", "counter", "histogram", "summary", "untyped"].contains(parts[3]) else {
                    throw UnattendedError("bad TYPE line: \(line)")
                }
                types[String(parts[2])] = String(parts[3])
                continue
            }
            guard let match = try sample.wholeMatch(in: String(line)), let value = Double(match.output.5) else {
                throw UnattendedError("not a sample: \(line)")
            }
            guard types[String(match.output.1)] != nil else { throw UnattendedError("sample without TYPE: \(line)") }
            samples[String(match.output.1) + String(match.output.2 ?? "")] = value
        }
        return samples
    }

    @Test("a pass becomes the expected series, written atomically")
    func series() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("reconcile.prom").path
        let metrics = PassMetrics()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        metrics.record(PassSummary(number: 1, start: start, duration: .milliseconds(1_500), outcome: .notConverged,
                                   hosts: [.init(name: "kvm1", converged: true, drift: 2, conflicts: 0),
                                           .init(name: "kvm2", converged: false, drift: 1, conflicts: 1)],
                                   steps: [.init(kind: "define-domain", outcome: "succeeded"): 2,
                                           .init(kind: "start-domain", outcome: "failed"): 1]))
        metrics.record(PassSummary(number: 2, start: start.addingTimeInterval(60), duration: .seconds(1), outcome: .converged,
                                   hosts: [.init(name: "kvm1", converged: true, drift: 0, conflicts: 0),
                                           .init(name: "kvm2", converged: true, drift: 1, conflicts: 0)],
                                   steps: [.init(kind: "start-domain", outcome: "succeeded"): 1]))
        try MetricsFile(path: path, metrics: metrics).write()
        let samples = try Self.parse(try String(contentsOfFile: path, encoding: .utf8))
        #expect(samples["reconcile_last_pass_timestamp_seconds"] == 1_800_000_060)
        #expect(samples["reconcile_last_pass_duration_seconds"] == 1)
        #expect(samples["reconcile_last_pass_converged"] == 1)
        #expect(samples["reconcile_host_converged{host=\"kvm2\"}"] == 1)
        #expect(samples["reconcile_drift_resources{host=\"kvm2\"}"] == 1)
        #expect(samples["reconcile_conflict_resources{host=\"kvm2\"}"] == 0)
        #expect(samples["reconcile_steps_total{kind=\"define-domain\",outcome=\"succeeded\"}"] == 2)
        #expect(samples["reconcile_steps_total{kind=\"start-domain\",outcome=\"failed\"}"] == 1)
        #expect(samples["reconcile_steps_total{kind=\"start-domain\",outcome=\"succeeded\"}"] == 1)
        #expect(samples["reconcile_passes_total{outcome=\"not-converged\"}"] == 1)
        #expect(samples["reconcile_passes_total{outcome=\"converged\"}"] == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["reconcile.prom"], "no temporary file is left")
    }

    @Test("a host no longer in the manifests loses its series")
    func removedHost() throws {
        let metrics = PassMetrics()
        let start = Date()
        metrics.record(PassSummary(number: 1, start: start, duration: .seconds(1), outcome: .converged,
                                   hosts: [.init(name: "kvm1", converged: true, drift: 0, conflicts: 0),
                                           .init(name: "kvm2", converged: true, drift: 0, conflicts: 0)]))
        metrics.record(PassSummary(number: 2, start: start, duration: .seconds(1), outcome: .converged,
                                   hosts: [.init(name: "kvm1", converged: true, drift: 0, conflicts: 0)]))
        let samples = try Self.parse(metrics.render())
        #expect(samples["reconcile_host_converged{host=\"kvm1\"}"] == 1)
        #expect(!samples.keys.contains { $0.contains("kvm2") }, "\(samples.keys.sorted())")
    }

    @Test("the parser rejects what Prometheus would")
    func parserFails() {
        #expect(throws: UnattendedError.self) { try Self.parse("# TYPE x gauge\nx{host=kvm1} 1\n") }
        #expect(throws: UnattendedError.self) { try Self.parse("y 1\n") }
    }

    @Test("an unwritable location is an error that names the file")
    func unwritable() {
        let metrics = MetricsFile(path: "/nonexistent-dir-\(UUID().uuidString)/reconcile.prom", metrics: PassMetrics())
        #expect { try metrics.write() } throws: { "\($0)".contains("cannot write the metrics file") }
    }
}
