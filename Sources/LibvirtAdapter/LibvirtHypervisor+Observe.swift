import CLibvirt
import Reconciler

extension LibvirtHypervisor {
    /// Reads the whole host in a few phases: the listings and the bulk domain facts (state,
    /// autostart, persistence) in one call each, then every object's XML with several calls in flight
    /// at once. Over a remote link that is a handful of round trips instead of four per domain.
    /// The domains' reads go through `readers` (by default readConnections: for a remote host, a few
    /// connections, as libvirtd serves only 5 calls of each at a time).
    func observeConcurrently(readers chosen: [LibvirtConnection]? = nil) async throws -> HostState {
        // The first observation reads the capabilities too, alongside the listings.
        async let capabilities = Libvirt.onOwnThread { try self.capabilities() }
        // For a remote host, opening the extra connections (an ssh handshake each) overlaps the listing.
        async let opened = chosen == nil ? readConnections() : []
        // The listings are independent calls: all in flight at once, one round trip in all.
        let connection = self.connection
        // The apply lock is reconcile's bookkeeping, not a network anyone declares or prunes.
        async let allNetworks = Libvirt.onOwnThread { try connection.allNetworks().filter { $0.name != LockNetworkXML.name } }
        async let allPools = Libvirt.onOwnThread { try connection.allPools() }
        async let allDomains = Libvirt.onOwnThread { DomainHandleSlots(try connection.allDomains()) }
        async let snapshotted = Libvirt.onOwnThread { try connection.namesOfDomainsWithSnapshots() }
        async let bulkStates = Libvirt.onOwnThread { try connection.activeDomainStates() }
        async let autostarted = Libvirt.onOwnThread { try connection.domainNames(matching: VIR_CONNECT_LIST_DOMAINS_AUTOSTART) }
        // Transient domains are few where persistent ones are many: the same answer in a smaller reply.
        async let transient = Libvirt.onOwnThread { try connection.domainNames(matching: VIR_CONNECT_LIST_DOMAINS_TRANSIENT) }
        let listing = (networks: try await allNetworks, pools: try await allPools, domains: try await allDomains,
                       withSnapshots: try await snapshotted, states: try await bulkStates,
                       autostart: try await autostarted, transient: try await transient)
        let readers = if let chosen { chosen } else { await opened }
        // The domains are most of the reading: they start with the networks and pools, not after them.
        async let domains = readDomains(listing.domains, readers: readers, states: listing.states, autostart: listing.autostart,
                                        transient: listing.transient, withSnapshots: listing.withSnapshots)
        async let networks = Libvirt.concurrentMap(listing.networks) { network in
            try NetworkXML.parse(try network.xml(inactive: true), active: try network.isActive(),
                                 autostart: try network.autostart(), persistent: try network.isPersistent())
        }
        async let poolsAndVolumes = readPoolsAndVolumes(listing.pools)
        let (pools, volumes) = try await poolsAndVolumes
        return HostState(capabilities: try await capabilities, networks: try await networks, pools: pools, volumes: volumes, domains: try await domains)
    }

    /// Every pool's definition, and the volumes of the active ones.
    private func readPoolsAndVolumes(_ listed: [PoolHandle]) async throws -> (pools: [ObservedPool], volumes: [ObservedVolume]) {
        let pools = try await Libvirt.concurrentMap(listed) { pool in
            let observed = try StorageXML.parsePool(try pool.xml(inactive: true), active: try pool.isActive(),
                                                    autostart: try pool.autostart(), persistent: try pool.isPersistent())
            return (observed: observed, volumes: observed.active ? try pool.allVolumes() : [])
        }
        let volumes = try await Libvirt.concurrentMap(pools.flatMap { pool in pool.volumes.map { (pool: pool.observed.name, volume: $0) } }) { entry -> ObservedVolume? in
            let name = entry.volume.name
            do {
                // Only uploaded images need it: an interrupted upload is shorter than its file.
                let physical = ImageVolumeNaming.isUploadedImage(name) ? try entry.volume.physicalSize() : nil
                let xml = try entry.volume.xml()
                return ObservedVolume(pool: entry.pool, name: name, path: try entry.volume.path(), capacity: try entry.volume.capacity(),
                                      format: try StorageXML.volumeFormat(xml), physicalSize: physical,
                                      backingPath: try StorageXML.backingPath(xml))
            } catch let error as LibvirtError where error.isNotFound {
                // Listed, but its file is gone (a snapshot deletion merged it away): the pool learns
                // it at its next refresh, and it is no volume to plan for.
                return nil
            }
        }.compactMap { $0 }
        return (pools.map(\.observed), volumes)
    }

    /// Every listed domain's definition (and a running one's live definition and snapshots), several
    /// calls in flight on each of `readers`.
    private func readDomains(_ listed: DomainHandleSlots, readers: [LibvirtConnection], states: [String: virDomainState]?,
                             autostart: Set<String>, transient: Set<String>, withSnapshots: Set<String>) async throws -> [ObservedDomain] {
        // A domain handle belongs to the connection that listed it: each extra one lists its own.
        let extraHandles = try await Libvirt.concurrentMap(Array(readers.dropFirst()), width: readers.count) { reader in
            Dictionary(try reader.allDomains().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let readerCount = readers.count
        // Item i runs on thread i mod width, a multiple of readerCount: each thread keeps to one connection.
        return try await Libvirt.concurrentMap(Array(0..<listed.count), width: Libvirt.observationWidth * readerCount) { index -> ObservedDomain? in
            guard let listedHandle = listed.take(index) else { return nil }
            let reader = index % readerCount
            // A domain the extra connection did not list (defined meanwhile) is read on the main one.
            let domain = reader == 0 ? listedHandle : extraHandles[reader - 1][listedHandle.name] ?? listedHandle
            let name = domain.name
            // The bulk call answers for active domains; an inactive one is shut off. (One started since
            // is read as shut off: its start step finds it running and does nothing, and the next
            // pass sees it as it is.) Without bulk statistics, each domain is asked.
            let state = try states.map { $0[name] ?? VIR_DOMAIN_SHUTOFF } ?? domain.state()
            var observed = try DomainXML.parse(try domain.xml(inactive: true), state: Self.runState(state),
                                               autostart: autostart.contains(name), persistent: !transient.contains(name))
            // A running guest's own definition too: what waits for its next boot is what differs.
            if observed.state.isActive {
                observed.running = RunningDefinition(try DomainXML.parse(try domain.xml(inactive: false), state: observed.state,
                                                                         autostart: false, persistent: observed.persistent))
            }
            // Listing snapshots costs calls of its own: only for the domains that have any.
            if withSnapshots.contains(name) { observed.snapshots = try Self.snapshots(of: domain) }
            return observed
        }.compactMap { $0 }
    }
}
