/// A `HostState` with its lookups precomputed, for one planning pass.
///
/// The planner looks up every declared object by name, and checks every volume for another domain
/// using it; with `HostState`'s linear scans that grew with the square of the host's size. A
/// `HostState` is a value that tests and the fake hypervisor mutate, so the index is not kept in it:
/// it is built once from the immutable state a planner holds, and cannot go stale. Anything else
/// (`domains`, `capabilities`, …) reads through to the state itself.
@dynamicMemberLookup
struct IndexedHostState: Sendable {
    let state: HostState
    private let networkPositions: [String: Int]
    private let poolPositions: [String: Int]
    private let domainPositions: [String: Int]
    /// Volume positions by pool, then by volume name.
    private let volumePositions: [String: [String: Int]]
    /// Volume positions by path (the first volume with that path).
    private let volumePathPositions: [String: Int]
    /// Positions of the domains with a disk whose source is the key, in `state.domains` order.
    private let diskUserPositions: [String: [Int]]

    init(_ state: HostState) {
        self.state = state
        networkPositions = Self.firstPositions(state.networks.map(\.name))
        poolPositions = Self.firstPositions(state.pools.map(\.name))
        domainPositions = Self.firstPositions(state.domains.map(\.name))
        var volumes: [String: [String: Int]] = [:]
        for (position, volume) in state.volumes.enumerated() where volumes[volume.pool]?[volume.name] == nil {
            volumes[volume.pool, default: [:]][volume.name] = position
        }
        volumePositions = volumes
        volumePathPositions = Self.firstPositions(state.volumes.map(\.path))
        var users: [String: [Int]] = [:]
        for (position, domain) in state.domains.enumerated() {
            // A domain with two disks on one source is still one user.
            for source in domain.disks.compactMap(\.source) where users[source]?.last != position {
                users[source, default: []].append(position)
            }
        }
        diskUserPositions = users
    }

    /// Each name's first position: the linear lookups returned the first match, so duplicates resolve the same.
    private static func firstPositions(_ names: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(names.count)
        for (position, name) in names.enumerated() where positions[name] == nil {
            positions[name] = position
        }
        return positions
    }

    subscript<Value>(dynamicMember keyPath: KeyPath<HostState, Value>) -> Value {
        state[keyPath: keyPath]
    }

    func network(named name: String) -> ObservedNetwork? {
        networkPositions[name].map { state.networks[$0] }
    }

    func pool(named name: String) -> ObservedPool? {
        poolPositions[name].map { state.pools[$0] }
    }

    func domain(named name: String) -> ObservedDomain? {
        domainPositions[name].map { state.domains[$0] }
    }

    func volume(pool: String, name: String) -> ObservedVolume? {
        volumePositions[pool]?[name].map { state.volumes[$0] }
    }

    /// The files under a volume's path, nearest first, as the pools' volumes record their backing
    /// stores: what an overlay (a clone's, an external snapshot's) is built on. Empty for a file that
    /// is in no pool or built on nothing.
    func backingChain(of path: String) -> [String] {
        var chain: [String] = []
        var current = path
        while let position = volumePathPositions[current], let backing = state.volumes[position].backingPath,
              !chain.contains(backing), chain.count < 64 {
            chain.append(backing)
            current = backing
        }
        return chain
    }

    /// The domains, other than the one named `excluded`, with a disk on the volume: by its path
    /// (`<source file=…>` or `<source dev=…>`) or by pool and name (`<source pool=… volume=…>`, which
    /// `ObservedDomain.Disk.source` spells `pool/volume`), in `state.domains` order.
    func diskUsers(ofVolume name: String, pool: String, path: String?, except excluded: String) -> [ObservedDomain] {
        let byPath = path.flatMap { diskUserPositions[$0] } ?? []
        let byName = diskUserPositions["\(pool)/\(name)"] ?? []
        return Set(byPath + byName).sorted().map { state.domains[$0] }.filter { $0.name != excluded }
    }
}
