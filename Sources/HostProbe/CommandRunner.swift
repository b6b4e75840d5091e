/// Runs programs on the probed host.
public protocol CommandRunner: Sendable {
    /// Runs `argv` (program name first, looked up in PATH) and returns its
    /// exit code and standard output, or nil when the program could not be started.
    func run(_ argv: [String]) async -> CommandOutput?
}
