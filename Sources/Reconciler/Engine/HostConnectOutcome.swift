/// How connecting to one hypervisor went, before the pass's connections are gathered.
enum HostConnectOutcome: Sendable {
    case connected(HostConnection)
    /// A `state: ready` hypervisor whose libvirt does not answer yet: its host steps can still run.
    case waitingForLibvirt(HostConnection, reason: ErrorWording)
    /// Neither libvirt nor the host could be reached: the hypervisor sits this pass out.
    case failed(reason: ErrorWording)
}
