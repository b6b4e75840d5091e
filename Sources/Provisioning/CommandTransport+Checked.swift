import HostCommands
import Localization

extension CommandTransport {
    /// Runs a provisioning tool (ssh-keygen, xorriso, xz) and throws unless it exits 0; every
    /// failure is a `ProvisioningError` whose message carries the command, status and stderr.
    /// The tools get an empty stdin, and ten minutes unless told otherwise.
    @discardableResult
    func check(_ argv: [String], input: String? = nil, timeout: Duration = .seconds(600)) async throws -> ProcessResult {
        let result: ProcessResult
        do throws(ProcessError) {
            result = try await run(argv, input: input ?? "", timeout: timeout)
        } catch {
            throw ProvisioningError(error)
        }
        guard result.succeeded else {
            throw ProvisioningError(
                .commandFailed,
                LocalizedMessage("provisioning.commandExited", [
                    "command": argv.joined(separator: " "), "status": String(result.exitStatus),
                    "stderr": result.standardError.trimmed(of: " \n"),
                ])
            )
        }
        return result
    }
}
