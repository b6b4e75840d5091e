import ArgumentParser
import HostCommands
import LibvirtAdapter
import Localization
import Reconciler
import Spec

/// The host a snapshot command acts on: the hypervisor the manifests put the VM on, or the one
/// --connect names when no manifests are given.
struct SnapshotTarget {
    let hypervisor: String
    let uri: String

    static func resolve(vm: String, paths: [String], connect: String?) throws -> SnapshotTarget {
        guard !paths.isEmpty else {
            let uri = connect ?? HypervisorSpec.defaultURI
            if let problem = LibvirtURI.problem(uri) {
                Terminal.error("error: " + Localizer.current.text("cli.connectInvalid", ["uri": uri, "problem": problem.text()]))
                throw ExitCode.failure
            }
            return SnapshotTarget(hypervisor: HypervisorSpec.implicitName, uri: uri)
        }
        let manifests = try ManifestLoading.load(paths, connect: connect)
        if let spec = manifests.virtualMachines.first(where: { $0.name == vm }),
           let host = manifests.hypervisor(named: spec.hypervisor) {
            return SnapshotTarget(hypervisor: host.name, uri: host.uri)
        }
        guard manifests.hypervisors.count == 1, let only = manifests.hypervisors.first else {
            Terminal.error("error: " + Localizer.current.text("cli.snapshot.undeclared", ["vm": vm, "count": "\(manifests.hypervisors.count)"]))
            throw ExitCode.failure
        }
        return SnapshotTarget(hypervisor: only.name, uri: only.uri)
    }

    /// Connects (qemu+ssh reading `sshConfig`, as plan and apply do) and reads the host afresh;
    /// nil when the VM does not exist there.
    func observe(vm: String, sshConfig: String?) async throws -> (any Hypervisor, ObservedDomain?) {
        do {
            let connector = LibvirtConnector(sshConfig: sshConfig, stateDirectory: ProvisioningOptions.stateDirectory(nil))
            let hypervisor = try await connector.connect(uri: uri)
            let state = try await hypervisor.observe()
            return (hypervisor, state.domains.first { $0.name == vm })
        } catch {
            Terminal.error("error: " + Localizer.current.text("cli.cannotRead", ["hypervisor": hypervisor, "uri": uri, "reason": "\(error)"]))
            throw ExitCode.failure
        }
    }
}
