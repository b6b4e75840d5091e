/// A user cloud-init creates in the guest.
public struct SeedUser: Sendable, Hashable {
    public var name: String
    public var sshAuthorizedKeys: [String]
    /// A crypt(3) hash (e.g. from `mkpasswd -m sha-512`); nil leaves the password locked.
    public var passwordHash: String?
    /// A sudoers rule such as `ALL=(ALL) NOPASSWD:ALL`; nil grants nothing.
    public var sudo: String?
    /// nil keeps the distribution default (Alpine has no /bin/bash).
    public var shell: String?

    public init(name: String, sshAuthorizedKeys: [String] = [], passwordHash: String? = nil, sudo: String? = nil, shell: String? = nil) {
        self.name = name
        self.sshAuthorizedKeys = sshAuthorizedKeys
        self.passwordHash = passwordHash
        self.sudo = sudo
        self.shell = shell
    }
}
