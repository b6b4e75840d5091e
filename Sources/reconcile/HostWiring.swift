import Foundation
import HostSystemAdapter
import LibvirtAdapter
import Reconciler

/// Builds the engine the way every command needs it: libvirt through its C API (its qemu+ssh
/// connections reading `--ssh-config` too), and the hosts of `state: ready` hypervisors through
/// local commands or OpenSSH (sharing connections through sockets under the state directory).
enum HostWiring {
    /// `prefetch`: hosts already being read (plan only: apply reads after taking its locks).
    static func engine(sshConfig: String?, provisioning: ProvisioningOptions, prefetch: LibvirtPrefetch? = nil) -> Engine {
        var engine = Engine(connector: LibvirtConnector(sshConfig: sshConfig, stateDirectory: provisioning.stateDirectory,
                                                        prefetch: prefetch),
                            systems: ProbedHostSystemConnector(sshConfig: sshConfig, stateDirectory: provisioning.stateDirectory),
                            provisioning: provisioning.services)
        engine.journal = ApplyJournal(directory: URL(fileURLWithPath: provisioning.stateDirectory))
        return engine
    }
}
