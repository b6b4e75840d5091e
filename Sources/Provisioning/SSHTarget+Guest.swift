import HostCommands

extension SSHTarget {
    /// A guest is always reached as a named user (the one cloud-init created), so provisioning
    /// code states it explicitly rather than leaving it to ssh_config.
    public init(host: String, port: Int = 22, user: String) {
        self.init(user: user, host: host, port: port)
    }
}
