/// A guest operating system in the image catalog (`kind: Distribution`).
public struct DistributionSpec: Sendable, Hashable, Codable {
    public enum Family: String, Sendable, Codable, CaseIterable {
        case debian
        case rhel
        case suse
        case alpine
        case freebsd
    }

    public var metadata: ResourceMetadata
    public var displayName: String
    public var family: Family
    public var cloudImage: CloudImageSpec
    public var agentInstall: [String]
    public var defaultUser: String?

    public var name: String { metadata.name }

    public init(
        metadata: ResourceMetadata, displayName: String, family: Family, cloudImage: CloudImageSpec,
        agentInstall: [String] = [], defaultUser: String? = nil
    ) {
        self.metadata = metadata
        self.displayName = displayName
        self.family = family
        self.cloudImage = cloudImage
        self.agentInstall = agentInstall
        self.defaultUser = defaultUser
    }
}
