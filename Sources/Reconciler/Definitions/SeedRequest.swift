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

    public init(guest: String, hostname: String, cloudInit: CloudInitSpec, loginUser: String, primaryMAC: String?) {
        self.guest = guest
        self.hostname = hostname
        self.cloudInit = cloudInit
        self.loginUser = loginUser
        self.primaryMAC = primaryMAC
    }
}

extension SeedRequest {
    /// The seed a VM's manifest asks for; the same manifest always gives the same request.
    public init(for spec: VirtualMachineSpec) {
        self.init(guest: spec.name, hostname: spec.cloudInit?.hostname ?? spec.name,
                  cloudInit: spec.cloudInit ?? CloudInitSpec(), loginUser: ProvisioningFacts.loginUser,
                  primaryMAC: spec.networks.first.map { $0.mac ?? DefinitionBuilder.generatedMAC(vm: spec.name, index: 0) })
    }
}
