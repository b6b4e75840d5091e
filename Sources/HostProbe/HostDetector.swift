/// Runs every probe against one host and assembles the report.
public struct HostDetector: Sendable {
    public let system: HostAccess

    public init(system: HostAccess) {
        self.system = system
    }

    public func detect() async -> DetectionReport {
        let context = await ProbeContext.gather(system: system)
        let kvm = await KVMProbe(context: context).detect()
        let lxd = await LXDProbe(context: context).detect()
        let virtualbox = await VirtualBoxProbe(context: context).detect()
        return DetectionReport(
            platform: context.platform,
            distribution: context.distribution,
            user: context.user,
            hypervisors: HypervisorReports(kvm: kvm, lxd: lxd, virtualbox: virtualbox),
            defaultHypervisor: Self.defaultHypervisor(kvm: kvm, lxd: lxd),
            roles: Self.roles(isLinux: context.isLinux, kvm: kvm, lxd: lxd, virtualbox: virtualbox)
        )
    }

    /// KVM when the kernel offers it, else LXD; VirtualBox is never chosen
    /// by default because reconcile does not drive it.
    static func defaultHypervisor(kvm: KVMReport, lxd: LXDReport) -> HypervisorKind? {
        if kvm.available { return .kvm }
        if lxd.available { return .lxd }
        return nil
    }

    static func roles(isLinux: Bool, kvm: KVMReport, lxd: LXDReport, virtualbox: VirtualBoxReport) -> [HostRole] {
        var roles: [HostRole] = []
        if isLinux && kvm.deviceAccessible { roles.append(.kvmHost) }
        if kvm.running { roles.append(.libvirtHost) }
        if lxd.initialized { roles.append(.lxdHost) }
        if virtualbox.running { roles.append(.virtualboxHost) }
        return roles
    }
}
