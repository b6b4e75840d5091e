import HostCommands

/// A remote host given as `user@host[:port]`; the type is shared with manifests and
/// provisioning so all of them parse and print targets alike.
public typealias SSHTarget = HostCommands.SSHTarget
