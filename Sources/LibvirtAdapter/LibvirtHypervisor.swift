import CLibvirt
import Foundation
import Localization
import Reconciler
import Synchronization

/// The engine's `Hypervisor` over libvirt's C API. Every call reads the host afresh; each action
/// first checks whether it is already done, so steps can be repeated safely.
public final class LibvirtHypervisor: Hypervisor, @unchecked Sendable {
    let connection: LibvirtConnection
    /// Read once, by the first observation alongside its listings rather than before them.
    private let knownCapabilities = Mutex<HostCapabilities?>(nil)
    /// Connections opened for reading many domains of a remote host (see readConnections).
    let extraReaders = Mutex<[LibvirtConnection]?>(nil)
    /// An observation started when the manifests named this host, for the first `observe()` to return.
    let firstObservation = Mutex<Task<HostState, any Error>?>(nil)

    public var uri: String { connection.uri }

    init(connection: LibvirtConnection) {
        self.connection = connection
    }

    deinit {
        // The extra read connections close all at once; the main one closes after them.
        LibvirtConnection.release(extraReaders.withLock { readers in
            defer { readers = nil }
            return readers ?? []
        })
    }

    /// The host's capabilities (arch, domain types), read on first use.
    func capabilities() throws -> HostCapabilities {
        if let known = knownCapabilities.withLock({ $0 }) { return known }
        let read = try CapabilitiesXML.parse(try connection.capabilitiesXML())
        knownCapabilities.withLock { $0 = read }
        return read
    }

    public static func connect(uri: String) async throws -> LibvirtHypervisor {
        // A remote host's extra read connections open at the same time as the main one.
        async let extra = openExtraReaders(uri: uri)
        let hypervisor = try await Libvirt.blocking { LibvirtHypervisor(connection: try LibvirtConnection(uri: uri)) }
        _ = hypervisor.keepExtraReaders(await extra)
        return hypervisor
    }

    func call<T: Sendable>(_ body: @escaping @Sendable (LibvirtConnection) throws -> T) async throws -> T {
        let connection = self.connection
        return try await Libvirt.blocking { try body(connection) }
    }

    // MARK: observe

    public func observe() async throws -> HostState {
        if let state = await takeFirstObservation() { return state }
        return try await observeConcurrently()
    }

    static func runState(_ state: virDomainState) -> DomainRunState {
        switch state {
        case VIR_DOMAIN_RUNNING: .running
        case VIR_DOMAIN_PAUSED, VIR_DOMAIN_PMSUSPENDED: .paused
        case VIR_DOMAIN_SHUTOFF: .shutoff
        default: .other
        }
    }

    // MARK: networks

    public func defineNetwork(_ definition: NetworkDefinition) async throws {
        let xml = NetworkXML.render(definition)
        _ = try await call { try $0.defineNetwork(xml: xml) }
    }

    public func updateNetwork(_ patch: NetworkPatch) async throws {
        try await call { connection in
            let network = try Self.require(try connection.network(named: patch.name), "network", patch.name)
            // Read now, not at plan time: whatever changed since is kept.
            let xml = try NetworkXML.apply(patch, to: try network.xml(inactive: true))
            _ = try connection.defineNetwork(xml: xml)
        }
    }

    public func startNetwork(named name: String) async throws {
        try await call { connection in
            try Self.require(try connection.network(named: name), "network", name).startIfInactive()
        }
    }

    public func stopNetwork(named name: String) async throws {
        try await call { connection in
            try connection.network(named: name)?.stopIfActive()
        }
    }

    public func setNetworkAutostart(named name: String, _ enabled: Bool) async throws {
        try await call { try Self.require(try $0.network(named: name), "network", name).setAutostart(enabled) }
    }

    public func undefineNetwork(named name: String) async throws {
        try await call { connection in
            try connection.network(named: name)?.remove()
        }
    }

    // MARK: pools and volumes

    public func definePool(_ definition: PoolDefinition) async throws {
        let xml = StorageXML.render(definition)
        try await call { connection in
            if try connection.pool(named: definition.name) != nil { return }
            _ = try connection.definePool(xml: xml)
        }
    }

    public func buildPool(named name: String) async throws {
        try await call { connection in
            let pool = try Self.require(try connection.pool(named: name), "storage pool", name)
            if try !pool.isActive() { try pool.build() }
        }
    }

    public func startPool(named name: String) async throws {
        try await call { connection in
            let pool = try Self.require(try connection.pool(named: name), "storage pool", name)
            if try !pool.isActive() { try pool.create() }
        }
    }

    public func setPoolAutostart(named name: String, _ enabled: Bool) async throws {
        try await call { try Self.require(try $0.pool(named: name), "storage pool", name).setAutostart(enabled) }
    }

    public func createVolume(_ definition: VolumeDefinition) async throws {
        let xml = StorageXML.render(definition)
        try await call { connection in
            let pool = try Self.require(try connection.pool(named: definition.pool), "storage pool", definition.pool)
            if try pool.volume(named: definition.name) != nil { return }
            _ = try pool.createVolume(xml: xml)
        }
    }

    public func resizeVolume(pool: String, name: String, capacity: UInt64) async throws {
        try await call { connection in
            let handle = try Self.require(try connection.pool(named: pool), "storage pool", pool)
            let volume = try Self.require(try handle.volume(named: name), "volume", "\(pool)/\(name)")
            guard try volume.capacity() < capacity else { return }
            // A running guest holds QEMU's write lock on its disk: grow it through QEMU instead.
            let path = try volume.path()
            for domain in try connection.allDomains() where try domain.isActive() {
                let observed = try DomainXML.parse(try domain.xml(inactive: false), state: .running, autostart: false, persistent: true)
                if let disk = observed.disks.first(where: { $0.source == path }) {
                    try domain.blockResize(disk: disk.target, bytes: capacity)
                    return
                }
            }
            try volume.resize(to: capacity)
        }
    }

    public func deleteVolume(pool: String, name: String) async throws {
        try await call { connection in
            guard let handle = try connection.pool(named: pool), let volume = try handle.volume(named: name) else { return }
            // The plan skipped volumes in use, but a guest may have been defined or cloned since:
            // look again, at every domain, managed or not, right before the data is gone.
            let path = try volume.path()
            if let user = try Self.domainUsing(volume: name, pool: pool, path: path, on: connection) {
                throw LibvirtAdapterError(LocalizedMessage("adapter.volume.inUse", ["volume": "\(pool)/\(name)", "path": path, "vm": user]))
            }
            try volume.delete()
        }
    }

    /// The first domain whose persistent or live definition has a disk (or a disk's backing file) on the volume.
    static func domainUsing(volume name: String, pool: String, path: String, on connection: LibvirtConnection) throws -> String? {
        let wanted: Set<DiskSourceXML.Reference> = [.path(path), .volume(pool: pool, name: name)]
        for domain in try connection.allDomains() {
            var definitions = [try domain.xml(inactive: true)]
            if try domain.isActive() { definitions.append(try domain.xml(inactive: false)) }
            for definition in definitions where !wanted.isDisjoint(with: try DiskSourceXML.references(inDomainXML: definition)) {
                return domain.name
            }
        }
        return nil
    }

    // MARK: domains

    public func defineDomain(_ definition: DomainDefinition) async throws {
        var definition = definition
        // The UUID is chosen here so reconcile's metadata can name it: a copy of the domain keeps the
        // metadata but gets a UUID of its own, and so is recognised as not reconcile's.
        let uuid = definition.uuid ?? UUID().uuidString.lowercased()
        definition.uuid = uuid
        definition.ownership.uuid = uuid
        let arch = try await Libvirt.blocking { try self.capabilities().arch }
        let xml = DomainXML.render(definition, arch: arch)
        _ = try await call { try $0.defineDomain(xml: xml) }
    }

    public func updateDomain(_ patch: DomainPatch) async throws {
        try await call { connection in
            let domain = try Self.require(try connection.domain(named: patch.name), "virtual machine", patch.name)
            // Read now, not at plan time: whatever changed since is kept.
            let xml = try DomainXML.apply(patch, to: try domain.xml(inactive: true))
            _ = try connection.defineDomain(xml: xml)
        }
    }

    public func startDomain(named name: String) async throws {
        try await call { connection in
            try Self.require(try connection.domain(named: name), "virtual machine", name).startIfInactive()
        }
    }

    public func shutdownDomain(named name: String, timeout: Duration) async throws -> Bool {
        let asked: Bool = try await call { connection in
            guard let domain = try connection.domain(named: name), try domain.isActive() else { return false }
            try domain.shutdown()
            return true
        }
        guard asked else { return false }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            let off: Bool = try await call { connection in
                guard let domain = try connection.domain(named: name) else { return true }
                return try !domain.isActive()
            }
            if off { return false }
            try await Task.sleep(for: .milliseconds(500))
        }
        try await destroyDomain(named: name)
        return true
    }

    public func destroyDomain(named name: String) async throws {
        try await call { connection in
            try connection.domain(named: name)?.stopIfActive()
        }
    }

    public func setDomainAutostart(named name: String, _ enabled: Bool) async throws {
        try await call { try Self.require(try $0.domain(named: name), "virtual machine", name).setAutostart(enabled) }
    }

    public func undefineDomain(named name: String) async throws {
        try await call { connection in
            try connection.domain(named: name)?.remove()
        }
    }

    static func require<T>(_ value: T?, _ kind: String, _ name: String) throws -> T {
        guard let value else { throw LibvirtAdapterError(LocalizedMessage("adapter.object.missing", ["kind": kind, "name": name])) }
        return value
    }
}
