extension StepRunner {
    /// Host-level steps are only planned for hypervisors whose connection carries a host system.
    func system() throws -> any HostSystem {
        guard let system = host.system else {
            throw ReconcileError(.unsupported, "this step changes the host itself, and no host access was set up for it (is `state: ready` set on the Hypervisor?)")
        }
        return system
    }
}
