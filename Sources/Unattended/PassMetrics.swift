import Foundation
import Prometheus
import Synchronization

/// The pass metrics of one process in Prometheus' registry: what `--metrics-file` writes and
/// `--metrics-addr` serves. Counters add up over the passes.
public final class PassMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    /// Hosts of the last pass: a host no longer in the manifests loses its series.
    private let hosts = Mutex<Set<String>>([])

    public init() {}

    public func record(_ pass: PassSummary) {
        gauge("last_pass_timestamp", unit: "seconds", "When the last pass started (Unix time).").set(pass.start.timeIntervalSince1970)
        gauge("last_pass_duration", unit: "seconds", "How long the last pass took.").set(pass.duration.secondsValue)
        gauge("last_pass_converged", "1 when the last pass converged every host, else 0.").set(pass.succeeded ? 1.0 : 0.0)
        counter("passes", "Passes by outcome.", labels: [("outcome", pass.outcome.rawValue)]).increment()
        let current = Set(pass.hosts.map(\.name))
        let gone = hosts.withLock { known in
            defer { known = current }
            return known.subtracting(current)
        }
        for name in gone {
            let gauges = hostGauges(name)
            for gauge in [gauges.converged, gauges.drift, gauges.conflicts] { registry.unregisterGauge(gauge) }
        }
        for host in pass.hosts {
            let (converged, drift, conflicts) = hostGauges(host.name)
            converged.set(host.converged ? 1.0 : 0.0)
            drift.set(Double(host.drift))
            conflicts.set(Double(host.conflicts))
        }
        for (step, count) in pass.steps {
            counter("steps", "Steps run, by kind and outcome.", labels: [("kind", step.kind), ("outcome", step.outcome)])
                .increment(by: Int64(count))
        }
    }

    private func hostGauges(_ host: String) -> (converged: Gauge, drift: Gauge, conflicts: Gauge) {
        let labels = [("host", host)]
        return (gauge("host_converged", "1 when the host matched the manifests after the last pass, else 0.", labels: labels),
                gauge("drift", unit: "resources", "Resources that differed from the manifests when the last pass observed the host.",
                      labels: labels),
                gauge("conflict", unit: "resources", "Resources left alone after the last pass (conflicts, unreachable images, blockers).",
                      labels: labels))
    }

    /// `reconcile_NAME_UNIT`, with its help line.
    private func gauge(_ name: String, unit: String = "", _ help: String, labels: [(String, String)] = []) -> Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "reconcile", metricName: name, unitName: unit, helpText: help),
                           labels: labels)
    }

    /// `reconcile_NAME_total`, with its help line.
    private func counter(_ name: String, _ help: String, labels: [(String, String)]) -> Counter {
        registry.makeCounter(descriptor: MetricNameDescriptor(namespace: "reconcile", metricName: name, unitName: "total", helpText: help),
                             labels: labels)
    }

    /// The exposition text as it is now.
    public func render() -> String {
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
