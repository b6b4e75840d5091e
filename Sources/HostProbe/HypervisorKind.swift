public enum HypervisorKind: String, Sendable, Codable, CaseIterable {
    case kvm, lxd, virtualbox
}
