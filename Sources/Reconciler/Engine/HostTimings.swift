import Synchronization

/// The time spent on each hypervisor during a run (connecting, reading, changing), added up as the
/// engine goes, for the per-host summary. Hosts are handled concurrently, so the total of a run is
/// less than the sum of its hosts.
public final class HostTimings: Sendable {
    private let durations = Mutex<[String: Duration]>([:])

    public init() {}

    public func add(_ duration: Duration, to hypervisor: String) {
        durations.withLock { $0[hypervisor, default: .zero] += duration }
    }

    public func duration(of hypervisor: String) -> Duration {
        durations.withLock { $0[hypervisor] ?? .zero }
    }
}
