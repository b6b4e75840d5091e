import HostProbe
import Reconciler
import Spec

/// Opens the host of a `state: ready` hypervisor: this machine, or `spec.ssh` through OpenSSH.
public struct ProbedHostSystemConnector: HostSystemConnector {
    /// An ssh_config file to use instead of the user's (`ssh -F`).
    public var sshConfig: String?

    public init(sshConfig: String? = nil) {
        self.sshConfig = sshConfig
    }

    public func system(for hypervisor: HypervisorSpec) async throws -> any Reconciler.HostSystem {
        guard let ssh = hypervisor.ssh else {
            return ProbedHostSystem(access: .local(), executor: LocalCommandExecutor(), target: "this machine")
        }
        let target = try HostProbe.SSHTarget(parsing: ssh)
        let runner = SSHCommandRunner(target: target, configFile: sshConfig)
        guard await runner.checkConnection() else {
            throw HostSSHError(destination: target.destination, port: target.port)
        }
        return ProbedHostSystem(access: .ssh(runner), executor: SSHCommandExecutor(runner: runner),
                                target: "\(target.destination) over SSH")
    }
}
