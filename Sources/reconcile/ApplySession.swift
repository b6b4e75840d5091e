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
    /// `warn` receives the lines to show (a lock taken over), as `error:`/`warning:` lines for people.
    static func begin(engine: Engine, connected: Engine.Connected, stateDirectory: String,
                      timeout: Duration, warn: @escaping @Sendable (String) -> Void) async throws -> ApplySession {
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
    func end(converged: Bool, images: (any ImageStore)?, warn: (String) -> Void) async {
        do {
            try journal?.finish(converged: converged)
            if converged, let removed = try images?.discardAbandonedDownloads(), !removed.isEmpty {
                let arguments = ["count": String(removed.count)]
                warn("warning: " + (removed.count == 1 ? Localizer.current.text("apply.removedDownloads.one", arguments)
                    : Localizer.current.text("apply.removedDownloads.other", arguments)))
            }
        } catch {
            warn("warning: \(error)")
        }
        for lock in hostLocks { await lock.release() }
        stateLock.release()
    }
}
