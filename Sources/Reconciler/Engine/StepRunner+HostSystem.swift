import Localization

extension StepRunner {
    /// Host-level steps are only planned for hypervisors whose connection carries a host system.
    func system() throws -> any HostSystem {
        guard let system = host.system else {
            throw ReconcileError(.unsupported, LocalizedMessage("engine.noHostAccess"))
        }
        return system
    }
}
