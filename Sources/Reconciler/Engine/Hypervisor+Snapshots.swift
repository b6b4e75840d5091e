import Localization

/// Hypervisors without snapshots (the engine's stand-ins, in-memory test hosts) say so when asked.
extension Hypervisor {
    public func createSnapshot(_ definition: SnapshotDefinition) async throws -> LocalizedText? {
        throw snapshotsUnsupported
    }

    public func deleteSnapshot(named name: String, ofDomain domain: String) async throws -> LocalizedText? {
        throw snapshotsUnsupported
    }

    public func revertSnapshot(named name: String, ofDomain domain: String, force: Bool) async throws -> LocalizedText? {
        throw snapshotsUnsupported
    }

    private var snapshotsUnsupported: ReconcileError {
        ReconcileError(.unsupported, LocalizedMessage("engine.noSnapshots", ["uri": uri]))
    }
}
