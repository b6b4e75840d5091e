import HostProbe

/// Runs the commands of host steps. Unlike the probes' `CommandRunner` it keeps stderr and says
/// why a program could not be started, because a failed step must tell the user why.
public protocol CommandExecutor: Sendable {
    /// Throws only when the program could not be started at all.
    func execute(_ command: HostCommand) async throws -> CommandResult
}
