import Foundation
import Synchronization
@testable import Reconciler

/// Stands in for `kill -9` in one process: passes every call through to a real hypervisor until
/// the `killAt`-th change, then "dies" there: the journal is copied as it is at that instant (the
/// step's start is on disk, its end is not), the change is made or not (`effectLands`), and every
/// later change fails, as nothing runs after a SIGKILL. The test then puts the copied journal back.
final class CrashingHypervisor: Hypervisor, Sendable {
    struct Killed: Error {}

    let base: any Hypervisor
    let killAt: Int
    let effectLands: Bool
    let journal: URL
    private let state = Mutex<(changes: Int, journalAtDeath: Data?, dead: Bool)>((0, nil, false))

    init(_ base: any Hypervisor, killAt: Int, effectLands: Bool, journal: URL) {
        self.base = base
        self.killAt = killAt
        self.effectLands = effectLands
        self.journal = journal
    }

    var uri: String { base.uri }
    var changes: Int { state.withLock { $0.changes } }
    /// The journal as a SIGKILL at the chosen instant would have left it, once that instant came.
    var journalAtDeath: Data? { state.withLock { $0.journalAtDeath } }

    private func change<T>(_ body: () async throws -> T) async throws -> T {
        let (count, dead) = state.withLock { current in
            current.changes += 1
            return (current.changes, current.dead)
        }
        guard !dead else { throw Killed() }
        guard count == killAt else { return try await body() }
        if effectLands { _ = try await body() }
        let snapshot = (try? Data(contentsOf: journal)) ?? Data()
        state.withLock { current in
            current.dead = true
            current.journalAtDeath = snapshot
        }
        throw Killed()
    }

    func observe() async throws -> HostState { try await base.observe() }
    func guestAddresses(domain name: String) async throws -> GuestAddressReport { try await base.guestAddresses(domain: name) }

    func defineNetwork(_ definition: NetworkDefinition) async throws { try await change { try await base.defineNetwork(definition) } }
    func updateNetwork(_ patch: NetworkPatch) async throws { try await change { try await base.updateNetwork(patch) } }
    func startNetwork(named name: String) async throws { try await change { try await base.startNetwork(named: name) } }
    func stopNetwork(named name: String) async throws { try await change { try await base.stopNetwork(named: name) } }
    func setNetworkAutostart(named name: String, _ enabled: Bool) async throws {
        try await change { try await base.setNetworkAutostart(named: name, enabled) }
    }
    func undefineNetwork(named name: String) async throws { try await change { try await base.undefineNetwork(named: name) } }
    func definePool(_ definition: PoolDefinition) async throws { try await change { try await base.definePool(definition) } }
    func buildPool(named name: String) async throws { try await change { try await base.buildPool(named: name) } }
    func startPool(named name: String) async throws { try await change { try await base.startPool(named: name) } }
    func setPoolAutostart(named name: String, _ enabled: Bool) async throws {
        try await change { try await base.setPoolAutostart(named: name, enabled) }
    }
    func createVolume(_ definition: VolumeDefinition) async throws { try await change { try await base.createVolume(definition) } }
    func resizeVolume(pool: String, name: String, capacity: UInt64) async throws {
        try await change { try await base.resizeVolume(pool: pool, name: name, capacity: capacity) }
    }
    func deleteVolume(pool: String, name: String) async throws { try await change { try await base.deleteVolume(pool: pool, name: name) } }
    func defineDomain(_ definition: DomainDefinition) async throws { try await change { try await base.defineDomain(definition) } }
    func updateDomain(_ patch: DomainPatch) async throws { try await change { try await base.updateDomain(patch) } }
    func applyLive(_ change: LiveChange) async throws { try await self.change { try await base.applyLive(change) } }
    func detachDevices(_ detach: DeviceDetach) async throws { try await change { try await base.detachDevices(detach) } }
    func startDomain(named name: String) async throws { try await change { try await base.startDomain(named: name) } }
    func shutdownDomain(named name: String, timeout: Duration) async throws -> Bool {
        try await change { try await base.shutdownDomain(named: name, timeout: timeout) }
    }
    func destroyDomain(named name: String) async throws { try await change { try await base.destroyDomain(named: name) } }
    func setDomainAutostart(named name: String, _ enabled: Bool) async throws {
        try await change { try await base.setDomainAutostart(named: name, enabled) }
    }
    func undefineDomain(named name: String) async throws { try await change { try await base.undefineDomain(named: name) } }
    func uploadVolume(_ definition: VolumeDefinition, from file: URL,
                      progress: @escaping @Sendable (UInt64, UInt64) -> Void) async throws {
        try await change { try await base.uploadVolume(definition, from: file, progress: progress) }
    }
    func recordOwnership(_ ownership: Ownership, onDomain name: String) async throws {
        try await change { try await base.recordOwnership(ownership, onDomain: name) }
    }
}
