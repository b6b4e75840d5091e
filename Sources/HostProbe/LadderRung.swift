/// The readiness ladder every hypervisor climbs, in order, plus `deviceAccess`
/// for KVM's "the kernel can, but this user may not" case.
public enum LadderRung: String, Sendable, Codable, CaseIterable {
    case available, deviceAccess, installed, enabled, running, initialized
}
