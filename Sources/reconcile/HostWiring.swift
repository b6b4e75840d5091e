import HostSystemAdapter
import LibvirtAdapter
import Reconciler

/// Builds the engine the way every command needs it: libvirt through its C API, and the hosts of
/// `state: ready` hypervisors through local commands or OpenSSH.
enum HostWiring {
    static func engine(sshConfig: String?, provisioning: ProvisioningServices? = nil) -> Engine {
        Engine(connector: LibvirtConnector(), systems: ProbedHostSystemConnector(sshConfig: sshConfig),
               provisioning: provisioning)
    }
}
