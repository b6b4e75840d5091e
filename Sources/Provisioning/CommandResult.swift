import HostCommands

/// Provisioning's name for what an external program did; the type itself is shared with the
/// host probes and host steps so every module reads exit statuses the same way.
public typealias CommandResult = ProcessResult
