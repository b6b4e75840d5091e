import Foundation
import HostCommands
import Localization
import Reconciler

/// What one apply holds while it runs: the state directory's flock (the journal lives there, and the
/// SSH and key files), every hypervisor's lock, and the journal's open run. Ended on every way out.
struct ApplySession {
    let stateLock: FileLock
    let hostLocks: [HostLock]
    let journal: ApplyJournal?

    /// Waits up to `timeout` for each lock; throws `.locked` naming the holder (nothing changed then).
    /// `warn` receives the warnings (a lock taken over) as messages: worded for a terminal in the
    /// user's language, for a JSON log in English.
    static func begin(engine: Engine, connected: Engine.Connected, stateDirectory: String,
                      timeout: Duration, warn: @escaping @Sendable (LocalizedMessage) -> Void) async throws -> ApplySession {
        let identity = LockIdentity.current
        let path = URL(fileURLWithPath: stateDirectory).appendingPathComponent("apply.lock").path
        guard let stateLock = try await FileLock.acquire(path: path, timeout: timeout) else {
            let holder = FileLock.holderDescription(path: path)
            let arguments = ["directory": stateDirectory, "holder": holder ?? ""]
            throw ReconcileError(.locked, holder == nil ? LocalizedMessage("apply.stateDirectoryBusy", arguments)
                                     : LocalizedMessage("apply.stateDirectoryHeld", arguments))
        }
        stateLock.describeHolder("\(identity.owner) (pid \(identity.pid)) since \(Date().formatted(.iso8601))")
        let hostLocks: [HostLock]
        do {
            hostLocks = try await engine.lockHosts(connected, identity: identity, timeout: timeout, warn: warn)
            try engine.journal?.begin(identity: identity)
        } catch {
            stateLock.release()
            throw error
        }
        return ApplySession(stateLock: stateLock, hostLocks: hostLocks, journal: engine.journal)
    }

    /// Closes the journal's run and gives every lock back. A converged run also deletes partial
    /// downloads nobody works on: every declared image is in the cache by then.
    func end(converged: Bool, images: (any ImageStore)?, warn: (LocalizedMessage) -> Void) async {
        do {
            try journal?.finish(converged: converged)
            if converged, let removed = try images?.discardAbandonedDownloads(), !removed.isEmpty {
                let arguments = ["count": String(removed.count)]
                warn(removed.count == 1 ? LocalizedMessage("apply.removedDownloads.one", arguments)
                    : LocalizedMessage("apply.removedDownloads.other", arguments))
            }
        } catch let error as ReconcileError where error.cause == nil {
            warn(error.localizedMessage)
        } catch {
            warn(.verbatim(ErrorText.english(error)))
        }
        for lock in hostLocks { await lock.release() }
        stateLock.release()
    }
}
