/// What can create KVM guests right now: a libvirt daemon that answers, or bare QEMU.
public enum KVMManagement: String, Sendable, Codable {
    case libvirt, qemu
}
