import Synchronization
@testable import Reconciler

/// Hands out one fake hypervisor per URI, slowly, and counts how many connections were being made at
/// once; a URI it does not know fails like a host that is down.
final class CountingConnector: HypervisorConnector {
    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    let hypervisors: [String: any Hypervisor]
    let delay: Duration
    private let concurrency = Mutex<(current: Int, peak: Int)>((0, 0))

    init(_ hypervisors: [String: any Hypervisor], delay: Duration = .milliseconds(30)) {
        self.hypervisors = hypervisors
        self.delay = delay
    }

    var peakConcurrency: Int { concurrency.withLock { $0.peak } }

    func connect(uri: String) async throws -> any Hypervisor {
        concurrency.withLock { $0.current += 1; $0.peak = max($0.peak, $0.current) }
        defer { concurrency.withLock { $0.current -= 1 } }
        try await Task.sleep(for: delay)
        guard let hypervisor = hypervisors[uri] else { throw Refused(description: "connection refused by \(uri)") }
        return hypervisor
    }
}
