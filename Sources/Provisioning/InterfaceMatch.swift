/// How network-config v2 picks the guest NIC.
public enum InterfaceMatch: Sendable, Hashable {
    /// The MAC the domain XML assigns: stable across renames and distributions.
    case macAddress(String)
    /// A kernel interface name such as `enp1s0`.
    case name(String)
}
