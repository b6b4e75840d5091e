extension StepKind {
    /// Steps that change the machine through `HostSystem` rather than libvirt.
    public var isHostLevel: Bool {
        switch self {
        case .installPackages, .enableService, .startService, .addUserToGroup: true
        default: false
        }
    }
}
