import Foundation
import HostCommands
import Localization
import Synchronization

/// One apply's hold on one hypervisor: taken with `acquire`, renewed in the background while held,
/// given back with `release` (on success and on error alike). A holder that dies stops renewing, so
/// its lock expires; on its own machine it is stale at once, since its pid is gone.
public final class HostLock: Sendable {
    public let hypervisor: String
    private let store: any HostLockStore
    private let record: HostLockRecord
    private let renewal: Mutex<Task<Void, Never>?> = Mutex(nil)

    /// How long a record stays valid without renewal, and how often it is renewed.
    public static let defaultLifetime: Duration = .seconds(60)

    private init(hypervisor: String, store: any HostLockStore, record: HostLockRecord) {
        self.hypervisor = hypervisor
        self.store = store
        self.record = record
    }

    /// Takes the lock, waiting up to `timeout` for a live holder (zero: refuse at once). A stale lock
    /// (expired, or its process on this machine gone) is taken over, and `warn` says whose it was:
    /// a message, so a terminal words it in the user's language and a JSON log in English.
    /// Throws `.locked`, naming the holder, when the wait ends first.
    public static func acquire(on store: any HostLockStore, hypervisor: String, identity: LockIdentity,
                               timeout: Duration, lifetime: Duration = defaultLifetime,
                               isProcessAlive: @escaping @Sendable (Int32) -> Bool = LockIdentity.isProcessAlive,
                               warn: @escaping @Sendable (LocalizedMessage) -> Void) async throws -> HostLock {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        let started = Date()
        var mine = HostLockRecord(owner: identity.owner, machine: identity.machine, pid: identity.pid, started: started,
                                  expires: started.addingTimeInterval(lifetime.timeInterval),
                                  token: UUID().uuidString.lowercased())
        var lastHolder: HostLockRecord?
        while true {
            mine.expires = Date().addingTimeInterval(lifetime.timeInterval)
            if try await store.createLock(mine) {
                let lock = HostLock(hypervisor: hypervisor, store: store, record: mine)
                lock.startRenewing(every: lifetime / 3, lifetime: lifetime, warn: warn)
                return lock
            }
            if let holder = try await store.readLock() {
                lastHolder = holder
                if let warning = holder.takeover(hypervisor: hypervisor, now: Date(), machine: identity.machine,
                                                 isProcessAlive: isProcessAlive) {
                    warn(warning)
                    try await store.removeLock(token: holder.token)
                    continue
                }
            }
            let now = clock.now
            guard now < deadline else {
                var arguments = ["hypervisor": hypervisor, "seconds": String(Int(timeout.timeInterval))]
                if let lastHolder { arguments.merge(lastHolder.holderArguments) { $1 } }
                let message = switch (lastHolder != nil, timeout > .zero) {
                case (true, false): LocalizedMessage("engine.locked", arguments)
                case (true, true): LocalizedMessage("engine.lockedAfterWaiting", arguments)
                case (false, false): LocalizedMessage("engine.lockedByAnother", arguments)
                case (false, true): LocalizedMessage("engine.lockedByAnotherAfterWaiting", arguments)
                }
                throw ReconcileError(.locked, message)
            }
            try await Task.sleep(for: min(.seconds(1), deadline - now))
        }
    }

    private func startRenewing(every interval: Duration, lifetime: Duration, warn: @escaping @Sendable (LocalizedMessage) -> Void) {
        let store = self.store
        let record = self.record
        let hypervisor = self.hypervisor
        let task = Task {
            var renewed = record
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                renewed.expires = Date().addingTimeInterval(lifetime.timeInterval)
                do {
                    if try await !store.renewLock(renewed) {
                        warn(LocalizedMessage("engine.lockTakenOver", ["hypervisor": hypervisor]))
                        return
                    }
                } catch {
                    // A host briefly unreachable: try again at the next interval, before the record expires.
                    warn(LocalizedMessage("engine.lockNotRenewed", ["hypervisor": hypervisor], worded: ["detail": ErrorWording(error).texts]))
                }
            }
        }
        renewal.withLock { $0 = task }
    }

    /// Stops renewing and deletes the lock if it is still this run's.
    public func release() async {
        let task = renewal.withLock { current -> Task<Void, Never>? in
            defer { current = nil }
            return current
        }
        task?.cancel()
        await task?.value
        _ = try? await store.removeLock(token: record.token)
    }
}
