/// What cloud-init sets up in a new guest (`VirtualMachine.spec.cloudInit`).
public struct CloudInitSpec: Sendable, Hashable, Codable {
    public struct User: Sendable, Hashable, Codable {
        public var name: String
        public var sshAuthorizedKeys: [String]
        /// A crypt(3) hash, never a password; or where to read one.
        public var passwordHash: SecretSource?
        /// A sudoers rule such as `ALL=(ALL) NOPASSWD:ALL`; `true` in YAML means exactly that.
        public var sudo: String?

        public init(name: String, sshAuthorizedKeys: [String] = [], passwordHash: SecretSource? = nil, sudo: String? = nil) {
            self.name = name
            self.sshAuthorizedKeys = sshAuthorizedKeys
            self.passwordHash = passwordHash
            self.sudo = sudo
        }
    }

    public struct WriteFile: Sendable, Hashable, Codable {
        public var path: String
        public var content: String
        public var permissions: String?
        public var owner: String?

        public init(path: String, content: String, permissions: String? = nil, owner: String? = nil) {
            self.path = path
            self.content = content
            self.permissions = permissions
            self.owner = owner
        }
    }

    public struct Network: Sendable, Hashable, Codable {
        /// `address/prefix`; nil means DHCP.
        public var address: String?
        public var gateway: String?
        public var dns: [String]

        public init(address: String? = nil, gateway: String? = nil, dns: [String] = []) {
            self.address = address
            self.gateway = gateway
            self.dns = dns
        }
    }

    public var hostname: String?
    public var fqdn: String?
    public var users: [User]
    public var packages: [String]
    public var runcmd: [String]
    public var writeFiles: [WriteFile]
    public var network: Network
    /// Raw cloud-config merged over the generated one.
    public var userData: String?

    public init(hostname: String? = nil, fqdn: String? = nil, users: [User] = [], packages: [String] = [],
                runcmd: [String] = [], writeFiles: [WriteFile] = [], network: Network = Network(), userData: String? = nil) {
        self.hostname = hostname
        self.fqdn = fqdn
        self.users = users
        self.packages = packages
        self.runcmd = runcmd
        self.writeFiles = writeFiles
        self.network = network
        self.userData = userData
    }
}
