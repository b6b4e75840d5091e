/// What the host's libvirt says it can run.
public struct HostCapabilities: Sendable, Hashable, Codable {
    /// Domain types offered for the host's native architecture (`kvm`, `qemu`, `test`).
    public var domainTypes: [String]
    public var arch: String

    public init(domainTypes: [String], arch: String) {
        self.domainTypes = domainTypes
        self.arch = arch
    }
}
