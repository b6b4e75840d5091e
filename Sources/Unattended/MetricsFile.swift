import Foundation
import Localization

/// Pass metrics in Prometheus' text format, for node_exporter's textfile collector. The file is
/// replaced atomically (written beside it under a name the collector ignores, then renamed), so a
/// scrape never reads half a file.
public struct MetricsFile: Sendable {
    public let path: String
    public let metrics: PassMetrics

    public init(path: String, metrics: PassMetrics) {
        self.path = path
        self.metrics = metrics
    }

    public func write() throws(UnattendedError) {
        let target = URL(fileURLWithPath: path)
        // A leading dot and no .prom suffix: the textfile collector skips it while it is being written.
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(metrics.render().utf8).write(to: temporary)
        } catch {
            throw UnattendedError(LocalizedMessage("apply.cannotWriteMetrics", ["path": temporary.path, "detail": error.localizedDescription]))
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw UnattendedError(LocalizedMessage("apply.cannotReplaceMetrics", ["path": path, "detail": reason]))
        }
    }
}
