extension ManifestValidator {
    /// A declared network with the lock's name or bridge would fight the apply lock for it.
    func reservedNames() -> [Diagnostic] {
        set.networks.flatMap { network -> [Diagnostic] in
            var diagnostics: [Diagnostic] = []
            if network.name == ReservedNames.lockNetwork {
                diagnostics.append(Diagnostic(network.metadata.location, field: "metadata.name",
                                              "metadata.name: '\(ReservedNames.lockNetwork)' is reserved: reconcile keeps its apply lock in a libvirt network of that name; choose another name"))
            }
            if network.bridge == ReservedNames.lockBridge {
                diagnostics.append(Diagnostic(network.metadata.location, field: "spec.bridge",
                                              "spec.bridge: '\(ReservedNames.lockBridge)' is reserved for reconcile's apply lock network; choose another bridge name"))
            }
            return diagnostics
        }
    }
}
