import Localization

extension ManifestValidator {
    /// A declared network with the lock's name or bridge would fight the apply lock for it.
    func reservedNames() -> [Diagnostic] {
        set.networks.flatMap { network -> [Diagnostic] in
            var diagnostics: [Diagnostic] = []
            if network.name == ReservedNames.lockNetwork {
                diagnostics.append(Diagnostic(network.metadata.location, field: "metadata.name",
                                              .field("metadata.name", DiagnosticText(LocalizedMessage("spec.reservedLockNetwork", ["name": ReservedNames.lockNetwork])))))
            }
            if network.bridge == ReservedNames.lockBridge {
                diagnostics.append(Diagnostic(network.metadata.location, field: "spec.bridge",
                                              .field("spec.bridge", DiagnosticText(LocalizedMessage("spec.reservedLockBridge", ["name": ReservedNames.lockBridge])))))
            }
            return diagnostics
        }
    }
}
