/// Versions of the KVM user space, as the package database (or binary) reports them.
public struct KVMVersions: Sendable, Codable, Equatable {
    public var libvirt: String?
    public var qemu: String?

    public init(libvirt: String?, qemu: String?) {
        self.libvirt = libvirt
        self.qemu = qemu
    }

    // Explicit nulls keep the JSON shape the same on every host.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(libvirt, forKey: .libvirt)
        try container.encode(qemu, forKey: .qemu)
    }
}
