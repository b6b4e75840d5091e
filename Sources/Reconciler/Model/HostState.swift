/// One hypervisor as observed in a single pass: nothing here is remembered between runs.
public struct HostState: Sendable, Hashable, Codable {
    public var capabilities: HostCapabilities
    public var networks: [ObservedNetwork]
    public var pools: [ObservedPool]
    public var volumes: [ObservedVolume]
    public var domains: [ObservedDomain]

    public init(capabilities: HostCapabilities, networks: [ObservedNetwork] = [], pools: [ObservedPool] = [],
                volumes: [ObservedVolume] = [], domains: [ObservedDomain] = []) {
        self.capabilities = capabilities
        self.networks = networks
        self.pools = pools
        self.volumes = volumes
        self.domains = domains
    }

    public func network(named name: String) -> ObservedNetwork? { networks.first { $0.name == name } }
    public func pool(named name: String) -> ObservedPool? { pools.first { $0.name == name } }
    public func domain(named name: String) -> ObservedDomain? { domains.first { $0.name == name } }
    public func volume(pool: String, name: String) -> ObservedVolume? {
        volumes.first { $0.pool == pool && $0.name == name }
    }

    /// Sorted by name so that two observations of the same host compare and hash equal.
    public func canonicalized() -> HostState {
        HostState(capabilities: capabilities,
                  networks: networks.sorted { $0.name < $1.name },
                  pools: pools.sorted { $0.name < $1.name },
                  volumes: volumes.sorted { ($0.pool, $0.name) < ($1.pool, $1.name) },
                  domains: domains.sorted { $0.name < $1.name })
    }
}
