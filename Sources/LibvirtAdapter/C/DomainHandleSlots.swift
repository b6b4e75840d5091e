import Synchronization

/// Listed domain handles, each taken once by the thread that reads that domain, so that it is freed
/// there as that read ends. `virDomainFree` formats the domain's UUID for libvirt's debug log whether
/// or not anything logs: freeing 1,000 handles together, on one thread after the last read, held up
/// the plan by 16M instructions; spread over the reading threads, it overlaps the round trips.
final class DomainHandleSlots: Sendable {
    private let handles: Mutex<[DomainHandle?]>
    let count: Int

    init(_ handles: [DomainHandle]) {
        count = handles.count
        self.handles = Mutex(handles)
    }

    /// The handle at `index`, which the slot no longer holds; nil when it was taken before.
    func take(_ index: Int) -> DomainHandle? {
        handles.withLock { handles in
            defer { handles[index] = nil }
            return handles[index]
        }
    }
}
