import Spec

/// A guest's seed as the plan describes it. It holds no private key: the guest's SSH host key is
/// read from reconcile's state directory when the seed is rendered.
public struct SeedRequest: Sendable, Hashable, Codable {
    public var guest: String
    public var hostname: String
    public var cloudInit: CloudInitSpec
    /// The user reconcile logs in as, with its own public key.
    public var loginUser: String
    /// MAC of the first NIC, for a static network-config match.
    public var primaryMAC: String?
    /// Packages the seed installs besides the manifest's (the QEMU guest agent).
    public var extraPackages: [String]
    /// An installer VM's answer file: the seed then carries it alone, and no cloud-init configuration.
    public var answer: AnswerFile?

    public init(guest: String, hostname: String, cloudInit: CloudInitSpec, loginUser: String, primaryMAC: String?,
                extraPackages: [String] = []) {
        self.guest = guest
        self.hostname = hostname
        self.cloudInit = cloudInit
        self.loginUser = loginUser
        self.primaryMAC = primaryMAC
        self.extraPackages = extraPackages
    }

    /// The manifest's packages, then the extra ones it does not list already.
    public var packages: [String] {
        cloudInit.packages + extraPackages.filter { !cloudInit.packages.contains($0) }
    }
}

extension SeedRequest {
    /// The package name is the same in every catalog family (Debian, Fedora/EL, openSUSE, Alpine).
    public static let guestAgentPackage = "qemu-guest-agent"

    /// The seed a VM's manifest asks for; the same manifest always gives the same request.
    public init(for spec: VirtualMachineSpec, distribution: DistributionSpec?) {
        self.init(guest: spec.name, hostname: spec.cloudInit?.hostname ?? spec.name,
                  cloudInit: spec.cloudInit ?? CloudInitSpec(), loginUser: ProvisioningFacts.loginUser,
                  primaryMAC: spec.networks.first.map { $0.mac ?? DefinitionBuilder.generatedMAC(vm: spec.name, index: 0) },
                  extraPackages: distribution?.installGuestAgent ?? true ? [Self.guestAgentPackage] : [])
        answer = distribution?.installer?.answer
    }
}
