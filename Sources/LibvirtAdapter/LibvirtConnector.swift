import Reconciler

/// Opens libvirt connections for the engine.
public struct LibvirtConnector: HypervisorConnector {
    public init() {}

    public func connect(uri: String) async throws -> any Hypervisor {
        try await LibvirtHypervisor.connect(uri: uri)
    }
}
