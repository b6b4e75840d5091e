import Foundation
import HostProbe
import HostSystemAdapter
import Localization
import Spec
import Status

/// Probes the machine a Hypervisor runs on the way `reconcile detect` does: this machine for a local
/// URI, `spec.ssh` through OpenSSH when set. A remote URI without `spec.ssh` names no machine to probe.
struct StatusHostDetector: HostDetecting {
    let connector: ProbedHostSystemConnector

    func detect(for hypervisor: HypervisorSpec) async throws -> DetectionReport {
        if hypervisor.ssh == nil, let host = URL(string: hypervisor.uri)?.host, !host.isEmpty {
            throw HostNotProbed(LocalizedMessage("cli.status.remoteHost", ["uri": hypervisor.uri]))
        }
        guard let system = try await connector.system(for: hypervisor) as? ProbedHostSystem else {
            throw HostNotProbed(LocalizedMessage("cli.status.noProbe", ["hypervisor": hypervisor.name]))
        }
        return await HostDetector(system: system.access).detect()
    }
}
