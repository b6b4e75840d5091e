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
    /// nil for a distribution installed from its installer ISO (`installer`) instead.
    public var cloudImage: CloudImageSpec?
    /// The ISO-installer fallback for distributions that publish no cloud image.
    public var installer: InstallerSpec?
    public var agentInstall: [String]
    public var defaultUser: String?
    /// Whether the seed installs `qemu-guest-agent` through cloud-init's packages. Off for images
    /// that carry it already and cannot reach a package mirror (cloud-init fails the whole run when
    /// a package cannot be installed).
    public var installGuestAgent: Bool

    public var name: String { metadata.name }

    public init(
        metadata: ResourceMetadata, displayName: String, family: Family, cloudImage: CloudImageSpec?,
        agentInstall: [String] = [], defaultUser: String? = nil, installGuestAgent: Bool = true,
        installer: InstallerSpec? = nil
    ) {
        self.installer = installer
        self.metadata = metadata
        self.displayName = displayName
        self.family = family
        self.cloudImage = cloudImage
        self.agentInstall = agentInstall
        self.defaultUser = defaultUser
        self.installGuestAgent = installGuestAgent
    }
}
