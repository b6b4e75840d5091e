import Foundation
import Localization

/// Stands in for a `state: ready` hypervisor whose libvirt did not answer, so its host steps can
/// run; nothing plans a libvirt step for it, and any call says why it cannot be made.
struct UnreachableHypervisor: Hypervisor {
    let uri: String
    let reason: ErrorWording

    private func unreachable() -> ReconcileError {
        ReconcileError(.connectionFailed, LocalizedMessage("engine.libvirtSilent", ["uri": uri]), cause: reason)
    }

    func observe() async throws -> HostState { throw unreachable() }
    func defineNetwork(_ definition: NetworkDefinition) async throws { throw unreachable() }
    func updateNetwork(_ patch: NetworkPatch) async throws { throw unreachable() }
    func startNetwork(named name: String) async throws { throw unreachable() }
    func stopNetwork(named name: String) async throws { throw unreachable() }
    func setNetworkAutostart(named name: String, _ enabled: Bool) async throws { throw unreachable() }
    func undefineNetwork(named name: String) async throws { throw unreachable() }
    func definePool(_ definition: PoolDefinition) async throws { throw unreachable() }
    func buildPool(named name: String) async throws { throw unreachable() }
    func startPool(named name: String) async throws { throw unreachable() }
    func setPoolAutostart(named name: String, _ enabled: Bool) async throws { throw unreachable() }
    func createVolume(_ definition: VolumeDefinition) async throws { throw unreachable() }
    func resizeVolume(pool: String, name: String, capacity: UInt64) async throws { throw unreachable() }
    func deleteVolume(pool: String, name: String) async throws { throw unreachable() }
    func defineDomain(_ definition: DomainDefinition) async throws { throw unreachable() }
    func updateDomain(_ patch: DomainPatch) async throws { throw unreachable() }
    func applyLive(_ change: LiveChange) async throws { throw unreachable() }
    func detachDevices(_ detach: DeviceDetach) async throws { throw unreachable() }
    func startDomain(named name: String) async throws { throw unreachable() }
    func shutdownDomain(named name: String, timeout: Duration) async throws -> Bool { throw unreachable() }
    func destroyDomain(named name: String) async throws { throw unreachable() }
    func setDomainAutostart(named name: String, _ enabled: Bool) async throws { throw unreachable() }
    func undefineDomain(named name: String) async throws { throw unreachable() }
    func uploadVolume(_ definition: VolumeDefinition, from file: URL,
                      progress: @escaping @Sendable (UInt64, UInt64) -> Void) async throws { throw unreachable() }
    func guestAddresses(domain name: String) async throws -> GuestAddressReport { throw unreachable() }
    func recordOwnership(_ ownership: Ownership, onDomain name: String) async throws { throw unreachable() }
}
