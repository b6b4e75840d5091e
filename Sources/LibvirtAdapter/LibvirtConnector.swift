import Foundation
import HostCommands
import Reconciler

/// Opens libvirt connections for the engine.
public struct LibvirtConnector: HypervisorConnector {
    /// An ssh_config file for qemu+ssh connections (`--ssh-config`); nil: ssh reads the user's.
    public var sshConfig: String?
    /// reconcile's state directory, which holds the program that hands `sshConfig` to ssh.
    public var stateDirectory: String?
    /// Hosts connected to (and read) while the manifests loaded; a URI found there is not opened again.
    public var prefetch: LibvirtPrefetch?

    public init(sshConfig: String? = nil, stateDirectory: String? = nil, prefetch: LibvirtPrefetch? = nil) {
        self.sshConfig = sshConfig
        self.stateDirectory = stateDirectory
        self.prefetch = prefetch
    }

    public func connect(uri: String) async throws -> any Hypervisor {
        if let ready = await prefetch?.take(uri: uri) { return ready }
        guard let sshConfig, let stateDirectory, Self.runsSSH(uri) else {
            return try await LibvirtHypervisor.connect(uri: uri)
        }
        let command = try LibvirtSSHWrapper.install(configFile: sshConfig, stateDirectory: stateDirectory)
        return try await LibvirtHypervisor.connect(uri: Self.uri(uri, sshCommand: command))
    }

    /// Whether libvirt runs the `ssh` program for `uri` (the libssh and libssh2 transports do not).
    static func runsSSH(_ uri: String) -> Bool {
        guard let separator = uri.range(of: "://") else { return false }
        return uri[..<separator.lowerBound].lowercased().hasSuffix("+ssh")
    }

    /// `uri` with libvirt's `command=` parameter naming the program to run instead of `ssh`.
    /// (Manifests may not set `command` themselves: LibvirtURI refuses it.)
    static func uri(_ uri: String, sshCommand: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#")
        let value = sshCommand.addingPercentEncoding(withAllowedCharacters: allowed) ?? sshCommand
        return uri + (uri.contains("?") ? "&" : "?") + "command=" + value
    }
}
