import Synchronization

/// A request to stop (SIGTERM or SIGINT during apply): the executor starts no new step and lets the
/// running ones finish, so no step is cut off half-way; what it did not start is reported as skipped.
public final class ShutdownRequest: Sendable {
    private let requested = Atomic<Bool>(false)

    public init() {}

    public func request() { requested.store(true, ordering: .sequentiallyConsistent) }

    public var isRequested: Bool { requested.load(ordering: .sequentiallyConsistent) }
}
