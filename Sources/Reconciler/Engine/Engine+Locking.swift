import Foundation
import Localization

extension Engine {
    /// Takes the apply lock on every hypervisor that answered, before anything is planned, so the
    /// plan sees what a finished concurrent apply did. All or none: on failure the locks taken so
    /// far are given back. A hypervisor whose driver keeps no lock objects is applied unlocked.
    public func lockHosts(_ connected: Connected, identity: LockIdentity, timeout: Duration,
                          warn: @escaping @Sendable (LocalizedMessage) -> Void) async throws -> [HostLock] {
        var locks: [HostLock] = []
        for (name, host) in connected.hosts.sorted(by: { $0.key < $1.key }) where connected.unreachable[name] == nil {
            guard let store = host.hypervisor as? any HostLockStore else { continue }
            do {
                locks.append(try await HostLock.acquire(on: store, hypervisor: name, identity: identity,
                                                        timeout: timeout, warn: warn))
            } catch {
                for lock in locks { await lock.release() }
                throw error
            }
        }
        return locks
    }
}
