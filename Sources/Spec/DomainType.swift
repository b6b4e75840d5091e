/// Which libvirt domain type a VM runs under; `auto` picks `kvm` when the host offers it.
public enum DomainType: String, Sendable, Codable, CaseIterable {
    case auto
    case kvm
    case qemu
}
