/// Decides when to print progress when output is not a terminal: at most one line
/// per `interval`, plus the final one, so logs stay readable.
public struct ProgressThrottle: Sendable {
    public let interval: Duration
    private var lastEmitted: ContinuousClock.Instant?

    public init(interval: Duration = .seconds(5)) {
        self.interval = interval
    }

    /// True when this update should be shown.
    public mutating func shouldEmit(_ progress: DownloadProgress, now: ContinuousClock.Instant = .now) -> Bool {
        let finished = progress.totalBytes.map { progress.bytesDone >= $0 } ?? false
        if finished || lastEmitted.map({ now - $0 >= interval }) ?? true {
            lastEmitted = now
            return true
        }
        return false
    }
}
