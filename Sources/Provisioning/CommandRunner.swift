import HostCommands

/// The shared `ProcessRunner` with Provisioning's defaults (10-minute timeout) and its one
/// error type: callers here branch on `ProvisioningError.code`, so runner errors are
/// translated with their message unchanged.
struct CommandRunner: Sendable {
    private let runner = ProcessRunner()

    /// Runs `executable` (a name looked up in PATH, or an absolute path).
    /// A non-zero exit is a result, not an error; failing to start and timing out throw.
    func run(
        _ executable: String,
        _ arguments: [String],
        input: String? = nil,
        timeout: Duration = .seconds(600)
    ) async throws -> CommandResult {
        do {
            // An empty stdin rather than /dev/null, as provisioning has always given its tools.
            return try await runner.run(executable, arguments, input: input ?? "", timeout: timeout)
        } catch {
            throw ProvisioningError(error)
        }
    }

    /// Runs and throws unless the exit status is 0; the error carries the command, status and stderr.
    @discardableResult
    func check(
        _ executable: String,
        _ arguments: [String],
        input: String? = nil,
        timeout: Duration = .seconds(600)
    ) async throws -> CommandResult {
        let result = try await run(executable, arguments, input: input, timeout: timeout)
        guard result.succeeded else {
            throw ProvisioningError(
                .commandFailed,
                "\(([executable] + arguments).joined(separator: " ")) exited \(result.exitStatus): \(result.standardError.trimmed(of: " \n"))"
            )
        }
        return result
    }

    /// The first of `candidates` found in PATH, for tools with several names.
    static func findExecutable(_ candidates: [String]) -> String? {
        ProcessRunner.findExecutable(candidates)
    }
}
