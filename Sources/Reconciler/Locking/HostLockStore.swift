/// Where a hypervisor keeps its apply lock: an object on the host, reached over the same connection
/// as everything else, so two control machines contend for one lock. Creation must be atomic on the
/// host (it fails when the object exists): that is the compare-and-set the lock relies on.
public protocol HostLockStore: Sendable {
    /// Creates the lock holding `record`; false when a lock exists already.
    func createLock(_ record: HostLockRecord) async throws -> Bool
    /// The current holder, or nil when nobody holds the lock.
    func readLock() async throws -> HostLockRecord?
    /// Rewrites the record (a later expiry) if the lock still carries `record.token`; false if not.
    func renewLock(_ record: HostLockRecord) async throws -> Bool
    /// Deletes the lock if it still carries `token`; false if it does not exist or another holds it.
    @discardableResult
    func removeLock(token: String) async throws -> Bool
}
