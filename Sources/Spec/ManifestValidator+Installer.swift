import Localization

extension ManifestValidator {
    /// A cdrom's pool must be declared; an installer VM's cdrom is its installer ISO, and its boot
    /// disk is blank, so it needs a size and cannot take a second cdrom or reconcile's agent.
    func cdromReferences(_ vm: VirtualMachineSpec, pools: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let cdrom = vm.cdrom, !cdrom.pool.isEmpty, !pools.contains(cdrom.pool) {
            diagnostics.append(Diagnostic(cdrom.location, field: "spec.cdrom.pool",
                                          .field("spec.cdrom.pool", DiagnosticText(LocalizedMessage("spec.cdromUndeclaredPool", [
                                              "vm": vm.name, "pool": cdrom.pool, "hypervisor": vm.hypervisor,
                                          ])) + Suggestion.didYouMean(cdrom.pool, among: pools))))
        }
        guard let name = vm.bootDistribution, let distribution = set.distribution(named: name), distribution.installer != nil else {
            return diagnostics
        }
        if let cdrom = vm.cdrom {
            diagnostics.append(Diagnostic(cdrom.location, field: "spec.cdrom",
                                          .field("spec.cdrom", DiagnosticText(LocalizedMessage("spec.installerNoCDROM", [
                                              "vm": vm.name, "distribution": name,
                                          ])))))
        }
        if let index = vm.disks.firstIndex(where: { $0.from == name }), vm.disks[index].size == nil {
            diagnostics.append(Diagnostic(vm.disks[index].location, field: "spec.disks[\(index)].size",
                                          .field("spec.disks[\(index)].size", DiagnosticText(LocalizedMessage("spec.installerDiskNeedsSize", [
                                              "distribution": name, "disk": vm.disks[index].name,
                                          ])))))
        }
        if vm.cloudInit != nil {
            diagnostics.append(Diagnostic(vm.metadata.location(of: "spec.cloudInit"), field: "spec.cloudInit",
                                          .field("spec.cloudInit", DiagnosticText(LocalizedMessage("spec.installerNoCloudInit", [
                                              "vm": vm.name, "distribution": name,
                                          ])))))
        }
        if vm.agent != nil {
            diagnostics.append(Diagnostic(vm.metadata.location(of: "spec.agent"), field: "spec.agent",
                                          .field("spec.agent", DiagnosticText(LocalizedMessage("spec.installerNoAgent", ["vm": vm.name])))))
        }
        return diagnostics
    }
}
