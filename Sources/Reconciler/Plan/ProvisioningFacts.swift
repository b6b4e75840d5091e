import Localization

/// What planning guests needs from outside libvirt, gathered before the (pure) planner runs:
/// the digests image sources resolve to now, what the local cache holds, and seed digests.
public struct ProvisioningFacts: Sendable, Hashable {
    /// The user reconcile creates in every guest it provisions and logs in as.
    public static let loginUser = "reconcile"

    /// By `ProvisioningFacts.key(distribution:role:)`.
    public var digests: [String: String] = [:]
    /// Why a source could not be resolved, by the same key.
    public var failures: [String: String] = [:]
    public var cached: Set<String> = []
    /// Size of each cached image file by digest, to recognise an interrupted upload in a pool.
    public var cachedSizes: [String: UInt64] = [:]
    /// Seed digest by `hypervisor/vm`.
    public var seedDigests: [String: String] = [:]
    /// Why seeds cannot be built on this machine (no ISO builder), if so.
    public var seedBuilderProblem: LocalizedMessage?

    public init() {}

    public static func key(distribution: String, role: ImageTransfer.Role) -> String {
        "\(distribution)/\(role.rawValue)"
    }

    /// The digest of a VM's downloaded `spec.cdrom`; a space keeps it apart from every distribution's key.
    public static func cdromKey(hypervisor: String, vm: String) -> String {
        "cdrom of \(hypervisor)/\(vm)"
    }
}
