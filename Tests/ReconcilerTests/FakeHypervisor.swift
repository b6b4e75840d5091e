import Foundation
import Synchronization
@testable import Reconciler

/// An in-memory host for unit tests: applies actions to a `HostState` and records every call.
/// Tests that prove features use libvirt itself; this one checks engine logic quickly.
final class FakeHypervisor: Hypervisor {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let uri = "fake:///"
    private let state: Mutex<HostState>
    private let calls = Mutex<[String]>([])
    /// Step kinds that fail, to test how the executor handles a failure.
    private let failing: Set<StepKind>
    private let concurrency = Mutex<(current: Int, peak: Int)>((0, 0))
    let delay: Duration

    init(_ state: HostState = HostState(capabilities: HostCapabilities(domainTypes: ["qemu"], arch: "x86_64")),
         failing: Set<StepKind> = [], delay: Duration = .zero) {
        self.state = Mutex(state)
        self.failing = failing
        self.delay = delay
    }

    var recordedCalls: [String] { calls.withLock { $0 } }
    var peakConcurrency: Int { concurrency.withLock { $0.peak } }
    var current: HostState { state.withLock { $0 } }

    private func perform(_ kind: StepKind, _ name: String, _ change: @Sendable (inout HostState) -> Void) async throws {
        concurrency.withLock { $0.current += 1; $0.peak = max($0.peak, $0.current) }
        defer { concurrency.withLock { $0.current -= 1 } }
        if delay > .zero { try await Task.sleep(for: delay) }
        calls.withLock { $0.append("\(kind.rawValue) \(name)") }
        if failing.contains(kind) { throw Failure(description: "injected failure of \(kind.rawValue) \(name)") }
        state.withLock { change(&$0) }
    }

    func observe() async throws -> HostState { current }

    func defineNetwork(_ definition: NetworkDefinition) async throws {
        try await perform(.defineNetwork, definition.name) { state in
            let existing = state.network(named: definition.name)
            state.networks.removeAll { $0.name == definition.name }
            state.networks.append(ObservedNetwork(
                name: definition.name, uuid: existing?.uuid ?? UUID().uuidString, mode: definition.mode,
                bridge: definition.bridge ?? existing?.bridge ?? "virbr\(state.networks.count + 1)",
                interface: definition.interface, ipv4: definition.ipv4, active: existing?.active ?? false,
                autostart: existing?.autostart ?? false, ownership: definition.ownership))
        }
    }

    /// The patch's fields applied to the model, as the adapter applies them to the XML.
    func updateNetwork(_ patch: NetworkPatch) async throws {
        try await updateNetwork(patch.name, .updateNetwork) { network in
            if let mode = patch.mode { network.mode = mode }
            if let bridge = patch.bridge { network.bridge = bridge }
            if let interface = patch.interface { network.interface = interface }
            if let edit = patch.ipv4 { network.ipv4 = edit.ipv4 }
            network.ownership = patch.ownership
            network.persistent = true
        }
    }

    private func updateNetwork(_ name: String, _ kind: StepKind, _ change: @escaping @Sendable (inout ObservedNetwork) -> Void) async throws {
        try await perform(kind, name) { state in
            if let index = state.networks.firstIndex(where: { $0.name == name }) { change(&state.networks[index]) }
        }
    }

    func startNetwork(named name: String) async throws { try await updateNetwork(name, .startNetwork) { $0.active = true } }
    func stopNetwork(named name: String) async throws { try await updateNetwork(name, .stopNetwork) { $0.active = false } }
    func setNetworkAutostart(named name: String, _ enabled: Bool) async throws {
        try await updateNetwork(name, .setNetworkAutostart) { $0.autostart = enabled }
    }
    func undefineNetwork(named name: String) async throws {
        try await perform(.undefineNetwork, name) { $0.networks.removeAll { $0.name == name } }
    }

    func definePool(_ definition: PoolDefinition) async throws {
        try await perform(.definePool, definition.name) {
            $0.pools.append(ObservedPool(name: definition.name, type: definition.type.rawValue, path: definition.path,
                                         active: false, autostart: false))
        }
    }

    private func updatePool(_ name: String, _ kind: StepKind, _ change: @escaping @Sendable (inout ObservedPool) -> Void) async throws {
        try await perform(kind, name) { state in
            if let index = state.pools.firstIndex(where: { $0.name == name }) { change(&state.pools[index]) }
        }
    }

    func buildPool(named name: String) async throws { try await updatePool(name, .buildPool) { _ in } }
    func startPool(named name: String) async throws { try await updatePool(name, .startPool) { $0.active = true } }
    func setPoolAutostart(named name: String, _ enabled: Bool) async throws {
        try await updatePool(name, .setPoolAutostart) { $0.autostart = enabled }
    }

    func createVolume(_ definition: VolumeDefinition) async throws {
        try await perform(.createVolume, "\(definition.pool)/\(definition.name)") { state in
            let directory = state.pool(named: definition.pool)?.path ?? "/"
            state.volumes.append(ObservedVolume(pool: definition.pool, name: definition.name,
                                                path: "\(directory)/\(definition.name)", capacity: definition.capacity,
                                                format: definition.format.rawValue))
        }
    }

    func resizeVolume(pool: String, name: String, capacity: UInt64) async throws {
        try await perform(.resizeVolume, "\(pool)/\(name)") { state in
            if let index = state.volumes.firstIndex(where: { $0.pool == pool && $0.name == name }) {
                state.volumes[index].capacity = capacity
            }
        }
    }

    func deleteVolume(pool: String, name: String) async throws {
        try await perform(.deleteVolume, "\(pool)/\(name)") { $0.volumes.removeAll { $0.pool == pool && $0.name == name } }
    }

    func defineDomain(_ definition: DomainDefinition) async throws {
        try await perform(.defineDomain, definition.name) { state in
            let existing = state.domain(named: definition.name)
            state.domains.removeAll { $0.name == definition.name }
            var generated = 0
            let interfaces = definition.interfaces.map { interface -> ObservedDomain.Interface in
                generated += 1
                return ObservedDomain.Interface(type: "network", source: interface.network,
                                                mac: interface.mac ?? String(format: "52:54:00:00:00:%02x", generated),
                                                model: "virtio")
            }
            let uuid = definition.uuid ?? existing?.uuid ?? UUID().uuidString
            var ownership = definition.ownership
            ownership.uuid = uuid
            var domain = ObservedDomain(
                name: definition.name, uuid: uuid, type: definition.type,
                vcpus: definition.maxVcpus ?? definition.vcpus, memoryKiB: definition.maxMemoryKiB ?? definition.memoryKiB,
                disks: definition.disks.map { .init(source: $0.path, target: $0.target, bus: $0.bus.rawValue, format: $0.format.rawValue) }
                    + (definition.seedPath.map { [.init(device: "cdrom", source: $0, target: "hdc", bus: "ide", format: "raw", readOnly: true)] } ?? [])
                    + (definition.cdrom.map { [Self.cdromDisk($0)] } ?? []),
                interfaces: interfaces, vnc: definition.vnc, kernel: definition.kernelPath, initrd: definition.initrdPath,
                cmdline: definition.cmdline, state: existing?.state ?? .shutoff,
                autostart: existing?.autostart ?? false, ownership: ownership)
            domain.onReboot = definition.installing == true ? "destroy" : "restart"
            if definition.maxVcpus != nil { domain.currentVcpus = definition.vcpus }
            if definition.maxMemoryKiB != nil { domain.currentMemoryKiB = definition.memoryKiB }
            state.domains.append(domain)
        }
    }

    /// The patch's fields applied to the model, as the adapter applies them to the XML.
    func updateDomain(_ patch: DomainPatch) async throws {
        try await updateDomain(patch.name, .updateDomain) { domain in
            if let vcpus = patch.vcpus {
                domain.vcpus = vcpus
                if let online = domain.currentVcpus, online >= vcpus { domain.currentVcpus = nil }
            }
            if let online = patch.currentVcpus { Self.setOnline(online, in: &domain) }
            if let memory = patch.memoryKiB {
                domain.memoryKiB = memory
                if let current = domain.currentMemoryKiB, current >= memory { domain.currentMemoryKiB = nil }
            }
            if let current = patch.currentMemoryKiB { Self.setBalloon(current, in: &domain) }
            for disk in patch.changedDisks {
                if let index = domain.disks.firstIndex(where: { $0.target == disk.target }) {
                    domain.disks[index] = .init(source: disk.path, target: disk.target, bus: disk.bus.rawValue, format: disk.format.rawValue)
                }
            }
            domain.disks += patch.addedDisks.map { .init(source: $0.path, target: $0.target, bus: $0.bus.rawValue, format: $0.format.rawValue) }
            if let target = patch.removeCDROM { domain.disks.removeAll { $0.device == "cdrom" && $0.target == target } }
            if let cdrom = patch.cdrom {
                domain.disks.removeAll { $0.device == "cdrom" && $0.target == cdrom.target }
                domain.disks.append(Self.cdromDisk(cdrom))
            }
            if patch.finishInstall {
                domain.kernel = nil
                domain.initrd = nil
                domain.cmdline = nil
                domain.onReboot = "restart"
            }
            for interface in patch.changedInterfaces {
                if let index = domain.interfaces.firstIndex(where: { $0.mac == interface.mac }) {
                    domain.interfaces[index].type = "network"
                    domain.interfaces[index].source = interface.network
                }
            }
            var generated = domain.interfaces.count
            domain.interfaces += patch.addedInterfaces.map { interface in
                generated += 1
                return .init(type: "network", source: interface.network,
                             mac: interface.mac ?? String(format: "52:54:00:00:00:%02x", generated), model: "virtio")
            }
            domain.disks.removeAll { $0.device == "disk" && patch.removedDisks.contains($0.target) }
            domain.interfaces.removeAll { interface in interface.mac.map { patch.removedInterfaces.contains($0) } ?? false }
            if let vnc = patch.vnc { domain.vnc = vnc }
            domain.persistent = true
        }
    }

    /// As libvirt applies a live change with `VIR_DOMAIN_AFFECT_CONFIG`: within the maxima.
    func applyLive(_ change: LiveChange) async throws {
        try await updateDomain(change.name, .applyLive) { domain in
            if let online = change.vcpus { Self.setOnline(min(online, domain.vcpus), in: &domain) }
            if let kib = change.memoryKiB { Self.setBalloon(kib, in: &domain) }
            domain.disks += change.attachDisks.map { .init(source: $0.path, target: $0.target, bus: $0.bus.rawValue, format: $0.format.rawValue) }
            if let media = change.changeMedia, let index = domain.disks.firstIndex(where: { $0.device == "cdrom" && $0.target == media.target }) {
                domain.disks[index].source = media.path
            }
            var generated = domain.interfaces.count
            domain.interfaces += change.attachInterfaces.map { interface in
                generated += 1
                return .init(type: "network", source: interface.network,
                             mac: interface.mac ?? String(format: "52:54:00:00:00:%02x", generated), model: "virtio")
            }
        }
    }

    static func cdromDisk(_ cdrom: DomainDefinition.CDROM) -> ObservedDomain.Disk {
        .init(device: "cdrom", source: cdrom.path, target: cdrom.target, bus: cdrom.bus, format: "raw", readOnly: true)
    }

    /// As a guest that releases the devices at once (one that does not: `failing: [.detachDevice]`).
    func detachDevices(_ detach: DeviceDetach) async throws {
        try await updateDomain(detach.name, .detachDevice) { domain in
            domain.disks.removeAll { disk in detach.disks.contains { $0.target == disk.target && $0.source == disk.source } }
            domain.interfaces.removeAll { interface in interface.mac.map { detach.interfaces.contains($0) } ?? false }
        }
    }

    private static func setOnline(_ online: Int, in domain: inout ObservedDomain) {
        if online > domain.vcpus { domain.vcpus = online }
        domain.currentVcpus = online < domain.vcpus ? online : nil
    }

    private static func setBalloon(_ kib: UInt64, in domain: inout ObservedDomain) {
        let current = min(kib, domain.memoryKiB)
        domain.currentMemoryKiB = current < domain.memoryKiB ? current : nil
    }

    private func updateDomain(_ name: String, _ kind: StepKind, _ change: @escaping @Sendable (inout ObservedDomain) -> Void) async throws {
        try await perform(kind, name) { state in
            if let index = state.domains.firstIndex(where: { $0.name == name }) { change(&state.domains[index]) }
        }
    }

    func startDomain(named name: String) async throws { try await updateDomain(name, .startDomain) { $0.state = .running } }
    func shutdownDomain(named name: String, timeout: Duration) async throws -> Bool {
        try await updateDomain(name, .shutdownDomain) { $0.state = .shutoff }
        return false
    }
    // The forced half of a shutdown step.
    func destroyDomain(named name: String) async throws { try await updateDomain(name, .shutdownDomain) { $0.state = .shutoff } }
    func setDomainAutostart(named name: String, _ enabled: Bool) async throws {
        try await updateDomain(name, .setDomainAutostart) { $0.autostart = enabled }
    }
    func undefineDomain(named name: String) async throws {
        try await perform(.undefineDomain, name) { $0.domains.removeAll { $0.name == name } }
    }

    func uploadVolume(_ definition: VolumeDefinition, from file: URL,
                      progress: @escaping @Sendable (UInt64, UInt64) -> Void) async throws {
        try await createVolume(definition)
    }

    func guestAddresses(domain name: String) async throws -> GuestAddressReport {
        GuestAddressReport(addresses: [], sourceNotes: [:])
    }

    func recordOwnership(_ ownership: Ownership, onDomain name: String) async throws {
        try await updateDomain(name, .recordOwnership) { domain in
            var ownership = ownership
            ownership.uuid = domain.uuid
            domain.ownership = ownership
        }
    }

    /// Changes the host behind the engine's back, as `virsh` would.
    func drift(_ change: @Sendable (inout HostState) -> Void) {
        state.withLock { change(&$0) }
    }
}

/// Hands the engine one existing hypervisor whatever the URI; test-driver state lives per connection.
struct FixedConnector: HypervisorConnector {
    let hypervisor: any Hypervisor

    func connect(uri: String) async throws -> any Hypervisor { hypervisor }
}
