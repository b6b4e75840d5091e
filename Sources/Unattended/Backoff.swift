/// How long a watch loop waits before its next pass: the interval after a converged pass, doubling
/// after each failed or unconverged pass in a row, up to a cap; jitter spreads fleets of timers apart.
public struct Backoff: Sendable, Equatable {
    public let interval: Duration
    /// The longest wait: 8 × the interval, but never more than an hour unless the interval itself is longer.
    public let cap: Duration
    /// 0.1 spreads each wait uniformly over ±10%.
    public let jitter: Double

    public init(interval: Duration, jitter: Double) {
        self.interval = interval
        self.jitter = jitter
        self.cap = max(interval, min(interval * 8, .seconds(3_600)))
    }

    /// The wait before the next pass after `failures` unsuccessful passes in a row (0 after success),
    /// before jitter.
    public func delay(afterFailures failures: Int) -> Duration {
        var delay = interval
        for _ in 0..<min(failures, 32) where delay < cap { delay = delay * 2 }
        return min(delay, cap)
    }

    /// `delay` moved by `jitter` times `unit`, where `unit` is drawn from -1...1.
    public func jittered(_ delay: Duration, unit: Double) -> Duration {
        let factor = 1 + jitter * max(-1, min(1, unit))
        return delay * factor
    }

    /// The wait after `failures` failures, jittered at random.
    public func nextDelay(afterFailures failures: Int) -> Duration {
        jittered(delay(afterFailures: failures), unit: jitter == 0 ? 0 : Double.random(in: -1...1))
    }
}
