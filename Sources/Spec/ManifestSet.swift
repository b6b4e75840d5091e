import Localization

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

    /// `1 hypervisor, 2 networks`, in the reader's language.
    public var summary: String { summaryText.description }

    public var summaryText: LocalizedText {
        func count(_ number: Int, one: LocalizedMessage, other: LocalizedMessage) -> LocalizedMessage? {
            number == 0 ? nil : number == 1 ? one : LocalizedMessage(other.key, ["count": String(number)])
        }
        let listed = [
            count(hypervisors.filter { !$0.isImplicit }.count,
                  one: LocalizedMessage("spec.summaryHypervisorOne"), other: LocalizedMessage("spec.summaryHypervisors")),
            count(networks.count, one: LocalizedMessage("spec.summaryNetworkOne"), other: LocalizedMessage("spec.summaryNetworks")),
            count(pools.count, one: LocalizedMessage("spec.summaryPoolOne"), other: LocalizedMessage("spec.summaryPools")),
            count(virtualMachines.count,
                  one: LocalizedMessage("spec.summaryVirtualMachineOne"), other: LocalizedMessage("spec.summaryVirtualMachines")),
            count(distributions.count,
                  one: LocalizedMessage("spec.summaryDistributionOne"), other: LocalizedMessage("spec.summaryDistributions")),
        ].compactMap { $0 }
        guard !listed.isEmpty else { return LocalizedText(LocalizedMessage("spec.summaryNoResources")) }
        return LocalizedText.joined(listed.map { LocalizedText($0) }, separator: LocalizedText(LocalizedMessage("spec.listSeparator")))
    }
}
