public struct HypervisorReports: Sendable, Codable, Equatable {
    public var kvm: KVMReport
    public var lxd: LXDReport
    public var virtualbox: VirtualBoxReport
}
