import Foundation
import Localization
import Synchronization
import Testing
@testable import LibvirtAdapter
@testable import Reconciler

/// The apply lock, held in a libvirt network on the host (test driver: the real C API).
@Suite("Apply lock on the hypervisor")
struct HostLockTests {
    static let alice = LockIdentity(user: "alice", machine: "ctl1", pid: 101)
    static let bob = LockIdentity(user: "bob", machine: "ctl2", pid: 202)
    static let alive: @Sendable (Int32) -> Bool = { _ in true }

    final class Warnings: Sendable {
        let messages = Mutex<[LocalizedMessage]>([])
        var first: LocalizedMessage? { messages.withLock { $0.first } }
    }

    static func hypervisor() async throws -> LibvirtHypervisor {
        try await LibvirtHypervisor.connect(uri: try TestDriverNode.write())
    }

    static func acquire(_ hypervisor: LibvirtHypervisor, _ identity: LockIdentity, timeout: Duration = .zero,
                        isProcessAlive: @escaping @Sendable (Int32) -> Bool = alive,
                        warnings: Warnings? = nil) async throws -> HostLock {
        try await HostLock.acquire(on: hypervisor, hypervisor: "kvm1", identity: identity, timeout: timeout,
                                   isProcessAlive: isProcessAlive) { warning in warnings?.messages.withLock { $0.append(warning) } }
    }

    @Test("a second apply is refused at once, naming the holder; after release it gets the lock")
    func refusesNamingHolder() async throws {
        let hypervisor = try await Self.hypervisor()
        let held = try await Self.acquire(hypervisor, Self.alice)
        do {
            _ = try await Self.acquire(hypervisor, Self.bob)
            Issue.record("a second holder got the lock")
        } catch let error as ReconcileError {
            #expect(error.code == .locked)
            #expect(error.message.contains("alice@ctl1 (pid 101)"), "\(error.message)")
            #expect(error.message.contains("hypervisor 'kvm1'"))
        }
        await held.release()
        let next = try await Self.acquire(hypervisor, Self.bob)
        #expect(try await hypervisor.readLock()?.owner == "bob@ctl2")
        await next.release()
        #expect(try await hypervisor.readLock() == nil)
    }

    @Test("the lock network is invisible to observation, so it is never planned or pruned")
    func invisibleToPlanner() async throws {
        let hypervisor = try await Self.hypervisor()
        let held = try await Self.acquire(hypervisor, Self.alice)
        #expect(try hypervisor.connection.network(named: LockNetworkXML.name) != nil)
        #expect(!(try await hypervisor.observe()).networks.contains { $0.name == LockNetworkXML.name })
        await held.release()
        #expect(try hypervisor.connection.network(named: LockNetworkXML.name) == nil)
    }

    @Test("with --lock-timeout the second apply waits, then proceeds once the first releases")
    func waitsThenProceeds() async throws {
        let hypervisor = try await Self.hypervisor()
        let held = try await Self.acquire(hypervisor, Self.alice)
        let clock = ContinuousClock()
        let start = clock.now
        async let waiting = Self.acquire(hypervisor, Self.bob, timeout: Duration.seconds(20))
        try await Task.sleep(for: .milliseconds(1500))
        await held.release()
        let second = try await waiting
        let waited = clock.now - start
        #expect(waited >= .milliseconds(1500) && waited < .seconds(10), "waited \(waited)")
        #expect(try await hypervisor.readLock()?.owner == "bob@ctl2")
        await second.release()
    }

    @Test("a lock whose process on this machine is gone is taken over, with a warning")
    func deadLocalProcessIsStale() async throws {
        let hypervisor = try await Self.hypervisor()
        let local = LockIdentity(user: "root", machine: "ctl1", pid: 999_999)
        _ = try await Self.acquire(hypervisor, local)   // never released: its process "died"
        let warnings = Warnings()
        let taken = try await Self.acquire(hypervisor, Self.alice, isProcessAlive: { $0 != 999_999 }, warnings: warnings)
        #expect(try await hypervisor.readLock()?.owner == "alice@ctl1")
        let warning = try #require(warnings.first?.english)
        #expect(warning.contains("taking over") && warning.contains("root@ctl1") && warning.contains("process 999999 on ctl1 is gone"))
        await taken.release()
    }

    @Test("an expired lock of another machine is taken over; a live one of another machine is not")
    func expiryAcrossMachines() async throws {
        let hypervisor = try await Self.hypervisor()
        let now = Date()
        let expired = HostLockRecord(owner: "bob@ctl2", machine: "ctl2", pid: 202, started: now.addingTimeInterval(-600),
                                     expires: now.addingTimeInterval(-60), token: UUID().uuidString.lowercased())
        #expect(try await hypervisor.createLock(expired))
        // The pid check means nothing on another machine: only the expiry counts.
        let taken = try await Self.acquire(hypervisor, Self.alice, isProcessAlive: { _ in false })
        await taken.release()
        let live = HostLockRecord(owner: "bob@ctl2", machine: "ctl2", pid: 202, started: now,
                                  expires: now.addingTimeInterval(600), token: UUID().uuidString.lowercased())
        #expect(try await hypervisor.createLock(live))
        await #expect(throws: ReconcileError.self) {
            _ = try await Self.acquire(hypervisor, Self.alice, isProcessAlive: { _ in false })
        }
    }

    @Test("creating the lock object is a compare-and-set: of many concurrent takers exactly one wins")
    func atomicCreate() async throws {
        let hypervisor = try await Self.hypervisor()
        let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let record = HostLockRecord(owner: "u\(index)@m", machine: "m", pid: Int32(index), started: Date(),
                                                expires: Date().addingTimeInterval(60), token: UUID().uuidString.lowercased())
                    return try await hypervisor.createLock(record)
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(wins == 1)
    }

    @Test("the holder renews its record before it expires")
    func renews() async throws {
        let hypervisor = try await Self.hypervisor()
        let held = try await HostLock.acquire(on: hypervisor, hypervisor: "kvm1", identity: Self.alice, timeout: .zero,
                                              lifetime: .seconds(3)) { _ in }
        let first = try #require(try await hypervisor.readLock())
        try await Task.sleep(for: .milliseconds(2500))
        let later = try #require(try await hypervisor.readLock())
        #expect(later.expires > first.expires)
        #expect(later.token == first.token)
        await held.release()
    }
}
