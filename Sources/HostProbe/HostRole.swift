/// What the host can serve as, for later bootstrap and placement decisions.
public enum HostRole: String, Sendable, Codable {
    /// Linux with a usable /dev/kvm.
    case kvmHost = "kvm_host"
    /// A libvirt daemon answers.
    case libvirtHost = "libvirt_host"
    /// LXD is initialised and running.
    case lxdHost = "lxd_host"
    /// The VirtualBox kernel driver is loaded.
    case virtualboxHost = "virtualbox_host"
}
