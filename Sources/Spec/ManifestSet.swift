/// Everything the manifests declare, after defaults are filled in and references resolved.
public struct ManifestSet: Sendable, Hashable, Codable {
    public var hypervisors: [HypervisorSpec] = []
    public var networks: [NetworkSpec] = []
    public var pools: [StoragePoolSpec] = []
    public var virtualMachines: [VirtualMachineSpec] = []
    public var distributions: [DistributionSpec] = []
    public var sources: [ManifestSource] = []

    public init() {}

    public var documentCount: Int {
        hypervisors.filter { !$0.isImplicit }.count + networks.count + pools.count
            + virtualMachines.count + distributions.count
    }

    public func hypervisor(named name: String) -> HypervisorSpec? {
        hypervisors.first { $0.name == name }
    }

    public func distribution(named name: String) -> DistributionSpec? {
        distributions.first { $0.name == name }
    }

    /// Adds what another file declared after what this one holds, keeping file order.
    public mutating func append(_ other: ManifestSet) {
        hypervisors += other.hypervisors
        networks += other.networks
        pools += other.pools
        virtualMachines += other.virtualMachines
        distributions += other.distributions
        sources += other.sources
    }

    /// Points every hypervisor at one URI: how `--connect test:///default` runs any manifest.
    public func connecting(to uri: String) -> ManifestSet {
        var copy = self
        for index in copy.hypervisors.indices { copy.hypervisors[index].uri = uri }
        return copy
    }

    public var summary: String {
        let parts: [(Int, String)] = [
            (hypervisors.filter { !$0.isImplicit }.count, "hypervisor"), (networks.count, "network"),
            (pools.count, "storage pool"), (virtualMachines.count, "virtual machine"),
            (distributions.count, "distribution"),
        ]
        let listed = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        return listed.isEmpty ? "no resources" : listed.joined(separator: ", ")
    }
}
