import HostCommands

/// A `--host` value that is not `user@host[:port]`; kept under this name for HostProbe's users.
public typealias SSHTargetError = HostCommands.SSHTargetError
