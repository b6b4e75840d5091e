import Foundation
import Localization

/// One libvirt host as the engine sees it. The libvirt adapter implements it over the C API;
/// tests implement it in memory. Every call reads or changes the host directly: nothing is cached.
public protocol Hypervisor: Sendable {
    var uri: String { get }

    func observe() async throws -> HostState

    /// Defines a new network from reconcile's template.
    func defineNetwork(_ definition: NetworkDefinition) async throws
    /// Applies the edits to the network's current persistent definition and defines the result.
    func updateNetwork(_ patch: NetworkPatch) async throws
    func startNetwork(named name: String) async throws
    func stopNetwork(named name: String) async throws
    func setNetworkAutostart(named name: String, _ enabled: Bool) async throws
    func undefineNetwork(named name: String) async throws

    func definePool(_ definition: PoolDefinition) async throws
    func buildPool(named name: String) async throws
    func startPool(named name: String) async throws
    func setPoolAutostart(named name: String, _ enabled: Bool) async throws

    func createVolume(_ definition: VolumeDefinition) async throws
    func resizeVolume(pool: String, name: String, capacity: UInt64) async throws
    func deleteVolume(pool: String, name: String) async throws

    /// Defines a new domain from reconcile's template.
    func defineDomain(_ definition: DomainDefinition) async throws
    /// Applies the edits to the domain's current persistent definition and defines the result.
    func updateDomain(_ patch: DomainPatch) async throws
    /// Applies the change to the running guest and its persistent definition; only to the definition
    /// when the guest stopped since the plan.
    func applyLive(_ change: LiveChange) async throws
    /// Unplugs the devices from the running guest, waits up to the detach's timeout for the guest to
    /// release them (failing if it does not, with the definition left holding them), then removes them
    /// from the persistent definition; only the latter when the guest stopped since the plan.
    func detachDevices(_ detach: DeviceDetach) async throws
    func startDomain(named name: String) async throws
    /// Asks the guest to power off, waits up to `timeout`, then forces it off; returns whether it had to force.
    func shutdownDomain(named name: String, timeout: Duration) async throws -> Bool
    func destroyDomain(named name: String) async throws
    func setDomainAutostart(named name: String, _ enabled: Bool) async throws
    func undefineDomain(named name: String) async throws

    /// Creates a volume and streams a local file into it through libvirt, so remote hosts work.
    func uploadVolume(_ definition: VolumeDefinition, from file: URL,
                      progress: @escaping @Sendable (_ sent: UInt64, _ total: UInt64) -> Void) async throws
    /// Every address libvirt can find for a domain's NICs: DHCP leases (with expiry), the guest agent, ARP.
    func guestAddresses(domain name: String) async throws -> GuestAddressReport
    /// Rewrites reconcile's metadata element on a domain, in its live and persistent definitions, with the
    /// domain's own UUID; other metadata and the rest of the definition are untouched.
    func recordOwnership(_ ownership: Ownership, onDomain name: String) async throws

    /// Records the snapshot as reconcile's in the domain's metadata, then creates it (a run killed in
    /// between finds it recorded but missing, and creates it); returns a detail worth showing, if any.
    func createSnapshot(_ definition: SnapshotDefinition) async throws -> LocalizedText?
    /// Deletes the snapshot (its data too, where libvirt can) and drops it from reconcile's record;
    /// returns a detail worth showing, if any.
    func deleteSnapshot(named name: String, ofDomain domain: String) async throws -> LocalizedText?
    /// Reverts the domain to the snapshot; refused while the guest runs unless `force`. Returns a
    /// detail worth showing (for an external snapshot: the overlay made and those deleted), if any.
    func revertSnapshot(named name: String, ofDomain domain: String, force: Bool) async throws -> LocalizedText?
}

/// Opens hypervisors by URI; the CLI passes the libvirt one, tests pass fakes.
public protocol HypervisorConnector: Sendable {
    func connect(uri: String) async throws -> any Hypervisor
}
