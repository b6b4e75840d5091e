/// What a running guest has now (its live definition), for the fields reconcile changes only at the
/// next boot. Compared with the persistent definition, it says whether a restart is pending: a
/// level-triggered fact every plan reads afresh, not something only the plan that wrote the change knows.
public struct RunningDefinition: Sendable, Hashable, Codable {
    public var vcpus: Int
    public var currentVcpus: Int?
    public var memoryKiB: UInt64
    public var disks: [ObservedDomain.Disk]
    public var interfaces: [ObservedDomain.Interface]
    public var vnc: Bool
    public var guestAgentChannel: Bool

    /// The same fields of a domain parsed from its live XML.
    public init(_ live: ObservedDomain) {
        vcpus = live.vcpus
        currentVcpus = live.currentVcpus
        memoryKiB = live.memoryKiB
        disks = live.disks
        interfaces = live.interfaces
        vnc = live.vnc
        guestAgentChannel = live.guestAgentChannel
    }

    public var effectiveVcpus: Int { currentVcpus ?? vcpus }
}
