/// Names one object on one host: `local/network/lab`, `local/volume/default/web-root.qcow2`.
public struct ResourceAddress: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case host
        case network
        case pool
        case volume
        case domain
        /// A cloud image in reconcile's local cache.
        case image
        /// A domain's snapshot, named `vm/snapshot`.
        case snapshot

        /// Words for plan output, which a user reads before anything changes.
        public var displayName: String {
            switch self {
            case .host: "host"
            case .network: "network"
            case .pool: "storage pool"
            case .volume: "volume"
            case .domain: "virtual machine"
            case .image: "image"
            case .snapshot: "snapshot"
            }
        }

        var order: Int { Kind.allCases.firstIndex(of: self) ?? 0 }
    }

    public var hypervisor: String
    public var kind: Kind
    /// For volumes, `pool/volume`.
    public var name: String

    public init(hypervisor: String, kind: Kind, name: String) {
        self.hypervisor = hypervisor
        self.kind = kind
        self.name = name
    }

    public static func volume(hypervisor: String, pool: String, name: String) -> ResourceAddress {
        ResourceAddress(hypervisor: hypervisor, kind: .volume, name: "\(pool)/\(name)")
    }

    public static func snapshot(hypervisor: String, domain: String, name: String) -> ResourceAddress {
        ResourceAddress(hypervisor: hypervisor, kind: .snapshot, name: "\(domain)/\(name)")
    }

    public var description: String { "\(hypervisor)/\(kind.rawValue)/\(name)" }

    public static func < (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
        (lhs.hypervisor, lhs.kind.order, lhs.name) < (rhs.hypervisor, rhs.kind.order, rhs.name)
    }
}
