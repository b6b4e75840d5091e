import Foundation
import Synchronization

/// `--log-format json`: one JSON object per line on stderr, one per step and one per pass, for log
/// shippers. Only what reconcile already shows a person goes in (step ids, host names, error
/// sentences), so no secret can appear here that the text output does not carry.
public final class EventLog: Sendable {
    public struct StepEvent: Encodable, Sendable {
        public var event = "step"
        public var id: String
        public var kind: String
        public var resource: String
        public var host: String
        public var start: Date
        public var durationSeconds: Double
        /// succeeded, failed or skipped.
        public var outcome: String
        public var error: String?
        /// Bytes the step sent to the host (image and seed uploads; 0 when the volume was already
        /// there); absent for steps that upload nothing.
        public var uploadedBytes: UInt64?

        public init(id: String, kind: String, resource: String, host: String, start: Date, durationSeconds: Double,
                    outcome: String, error: String?, uploadedBytes: UInt64? = nil) {
            self.id = id
            self.kind = kind
            self.resource = resource
            self.host = host
            self.start = start
            self.durationSeconds = durationSeconds
            self.outcome = outcome
            self.error = error
            self.uploadedBytes = uploadedBytes
        }
    }

    public struct PassEvent: Encodable, Sendable {
        public var event = "pass"
        public var pass: Int
        public var start: Date
        public var durationSeconds: Double
        public var outcome: PassSummary.Outcome
        public var converged: Bool
        public var error: String?
        public var commit: String?
        public var hostsConverged: [String: Bool]
        public var steps: Int
        /// In watch mode: the wait before the next pass, and how many passes in a row did not converge.
        public var nextPassInSeconds: Double?
        public var consecutiveFailures: Int?

        public init(_ pass: PassSummary, nextPassIn: Duration?, consecutiveFailures: Int?) {
            self.pass = pass.number
            self.start = pass.start
            self.durationSeconds = pass.duration.secondsValue
            self.outcome = pass.outcome
            self.converged = pass.succeeded
            self.error = pass.error
            self.commit = pass.commit
            self.hostsConverged = Dictionary(pass.hosts.map { ($0.name, $0.converged) }) { first, _ in first }
            self.steps = pass.steps.values.reduce(0, +)
            self.nextPassInSeconds = nextPassIn?.secondsValue
            self.consecutiveFailures = consecutiveFailures
        }
    }

    /// An error or warning that text output prints as `error: ...` on stderr.
    public struct MessageEvent: Encodable, Sendable {
        /// "error" or "warning".
        public var event: String
        public var time: Date
        public var message: String

        public init(_ event: String, _ message: String, time: Date = Date()) {
            self.event = event
            self.time = time
            self.message = message
        }
    }

    private let write: @Sendable (String) -> Void
    private let lock = Mutex(())

    /// `write` receives whole lines, newline included, one at a time.
    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    public func emit(_ event: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Self.timestamp(date))
        }
        guard let data = try? encoder.encode(event) else { return }
        let line = String(decoding: data, as: UTF8.self) + "\n"
        lock.withLock { _ in write(line) }
    }

    /// RFC 3339 in UTC with milliseconds: `2026-12-03T06:40:00.123Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
