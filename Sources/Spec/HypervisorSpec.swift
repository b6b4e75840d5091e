/// One libvirt host (`kind: Hypervisor`).
public struct HypervisorSpec: Sendable, Hashable, Codable {
    public enum DesiredState: String, Sendable, Codable, CaseIterable {
        /// Read the host only; never install or start anything on it.
        case observed
        /// Install, enable and start what libvirt needs.
        case ready
    }

    public static let defaultURI = "qemu:///system"
    /// The name used when no Hypervisor is declared at all.
    public static let implicitName = "local"

    public var metadata: ResourceMetadata
    public var uri: String
    public var domainType: DomainType
    public var state: DesiredState
    /// `user@host[:port]` for host-level steps over OpenSSH; nil means this machine.
    public var ssh: String?
    public var users: [String]
    /// nil means `auto`: the distribution's standard package set.
    public var packages: [String]?
    /// True for the `local` hypervisor reconcile adds when none is declared.
    public var isImplicit: Bool

    public var name: String { metadata.name }

    public init(
        metadata: ResourceMetadata, uri: String = HypervisorSpec.defaultURI, domainType: DomainType = .auto,
        state: DesiredState = .observed, ssh: String? = nil, users: [String] = [], packages: [String]? = nil,
        isImplicit: Bool = false
    ) {
        self.metadata = metadata
        self.uri = uri
        self.domainType = domainType
        self.state = state
        self.ssh = ssh
        self.users = users
        self.packages = packages
        self.isImplicit = isImplicit
    }
}
