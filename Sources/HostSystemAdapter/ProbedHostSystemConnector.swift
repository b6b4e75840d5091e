import HostCommands
import HostProbe
import Reconciler
import Spec

/// Opens the host of a `state: ready` hypervisor: this machine, or `spec.ssh` through OpenSSH.
public struct ProbedHostSystemConnector: HostSystemConnector {
    /// An ssh_config file to use instead of the user's (`ssh -F`).
    public var sshConfig: String?
    /// reconcile's state directory, which holds the sockets of shared SSH connections.
    public var stateDirectory: String

    public init(sshConfig: String? = nil, stateDirectory: String) {
        self.sshConfig = sshConfig
        self.stateDirectory = stateDirectory
    }

    public func system(for hypervisor: HypervisorSpec) async throws -> any Reconciler.HostSystem {
        guard let ssh = hypervisor.ssh else {
            return ProbedHostSystem(access: .local(), transport: LocalTransport())
        }
        let target = try SSHTarget(parsing: ssh)
        let options = SSHOptions(configFile: sshConfig,
                                 controlDirectory: try SSHControlDirectory.prepare(stateDirectory: stateDirectory))
        let transport = SSHTransport(target, options: options)
        guard await transport.checkConnection() else {
            throw HostSSHError(destination: target.destination, port: target.port)
        }
        return ProbedHostSystem(access: .remote(transport), transport: transport)
    }
}
