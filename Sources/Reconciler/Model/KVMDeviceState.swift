/// Whether QEMU could use hardware acceleration through /dev/kvm.
public enum KVMDeviceState: Sendable, Hashable, Codable {
    case usable
    case missing
    case permissionDenied
    case unusable(String)

    public var isUsable: Bool { self == .usable }

    public var description: String {
        switch self {
        case .usable: "usable"
        case .missing: "missing"
        case .permissionDenied: "permission denied"
        case .unusable(let reason): reason
        }
    }
}
