import Foundation
import HostCommands

extension SSHOptions {
    /// How reconcile reaches its guests: its own key only, and only the host key it generated and
    /// pinned for the guest (no trust on first use); ~/.ssh/config and the system known_hosts are
    /// ignored.
    public static func guest(
        identityFile: URL,
        knownHosts: KnownHostsFile,
        connectTimeout: Int = 10,
        networkNamespace: String? = nil
    ) -> SSHOptions {
        SSHOptions(configFile: "/dev/null", connectTimeout: connectTimeout, identityFile: identityFile.path,
                   pinnedKnownHosts: knownHosts.url.path, networkNamespace: networkNamespace)
    }
}
