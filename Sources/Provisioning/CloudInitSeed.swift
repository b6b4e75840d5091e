/// Everything that goes into a NoCloud seed. Render it with `render()`.
public struct CloudInitSeed: Sendable, Hashable {
    public var hostname: String
    public var fqdn: String?
    public var users: [SeedUser]
    public var packages: [String]
    /// Each entry runs in its own shell: variables do not carry from one to the next.
    public var runcmd: [String]
    public var writeFiles: [SeedFile]
    public var network: SeedNetwork
    /// Pins the guest's SSH identity; cloud-init then deletes other keys and generates none.
    public var hostKey: SSHHostKey?
    /// Raw cloud-config YAML merged over the generated one: top-level keys merged,
    /// lists appended.
    public var extraUserData: String?

    public init(
        hostname: String,
        fqdn: String? = nil,
        users: [SeedUser] = [],
        packages: [String] = [],
        runcmd: [String] = [],
        writeFiles: [SeedFile] = [],
        network: SeedNetwork = .dhcp,
        hostKey: SSHHostKey? = nil,
        extraUserData: String? = nil
    ) {
        self.hostname = hostname
        self.fqdn = fqdn
        self.users = users
        self.packages = packages
        self.runcmd = runcmd
        self.writeFiles = writeFiles
        self.network = network
        self.hostKey = hostKey
        self.extraUserData = extraUserData
    }
}
