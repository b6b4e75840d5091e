import HostCommands

/// How services are started on the host; shared with provisioning, which detects it on guests.
public typealias ServiceManager = HostCommands.ServiceManager
