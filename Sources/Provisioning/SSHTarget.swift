import HostCommands

/// Where to reach a guest's sshd; the same value type the host probes and manifests use.
public typealias SSHTarget = HostCommands.SSHTarget
