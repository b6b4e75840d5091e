/// How OpenSSH is asked to reach a host or guest. The choices only: `SSHTransport` turns them into
/// ssh's arguments in one place, together with the settings every connection gets (BatchMode,
/// ConnectTimeout, `--` before the destination).
public struct SSHOptions: Sendable, Hashable {
    /// The ssh_config file to read (`ssh -F`); nil reads the user's own. Guests use /dev/null so
    /// that only reconcile's settings count.
    public var configFile: String?
    /// Seconds ssh waits for the TCP connection.
    public var connectTimeout: Int
    /// Log in with this key only: no other key files, no agent.
    public var identityFile: String?
    /// Trust only the ed25519 keys pinned in this known_hosts file: no trust on first use, no
    /// system-wide known_hosts.
    public var pinnedKnownHosts: String?
    /// Share one connection among the many small commands of a run; nil opens one per command.
    public var controlDirectory: SSHControlDirectory?
    /// When libvirt runs inside a network namespace, its guests are reachable only from there.
    public var networkNamespace: String?
    /// A terminal for an interactive session (`ssh -t`); commands reconcile runs itself get none (`-T`).
    public var allocateTTY: Bool
    public var executable: String

    public init(
        configFile: String? = nil,
        connectTimeout: Int = 10,
        identityFile: String? = nil,
        pinnedKnownHosts: String? = nil,
        controlDirectory: SSHControlDirectory? = nil,
        networkNamespace: String? = nil,
        allocateTTY: Bool = false,
        executable: String = "ssh"
    ) {
        self.configFile = configFile
        self.connectTimeout = connectTimeout
        self.identityFile = identityFile
        self.pinnedKnownHosts = pinnedKnownHosts
        self.controlDirectory = controlDirectory
        self.networkNamespace = networkNamespace
        self.allocateTTY = allocateTTY
        self.executable = executable
    }
}
