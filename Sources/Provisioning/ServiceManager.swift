import HostCommands

/// The init system of a guest, which decides how the agent service is managed; the same
/// enum the host probes use.
public typealias ServiceManager = HostCommands.ServiceManager
