import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs external programs through swift-subprocess with a timeout.
struct CommandRunner: Sendable {
    /// Output beyond this is an error rather than unbounded memory.
    var outputLimit = 16 << 20

    /// Runs `executable` (a name looked up in PATH, or an absolute path).
    /// A non-zero exit is a result, not an error; failing to start and timing out throw.
    func run(
        _ executable: String,
        _ arguments: [String],
        input: String? = nil,
        timeout: Duration = .seconds(600)
    ) async throws -> CommandResult {
        let commandLine = ([executable] + arguments).joined(separator: " ")
        let target: Executable = executable.hasPrefix("/") ? .path(FilePath(executable)) : .name(executable)
        let limit = outputLimit
        let work: @Sendable () async throws -> CommandResult = {
            let result = try await Subprocess.run(
                target,
                arguments: Arguments(arguments),
                input: .string(input ?? ""),
                output: .string(limit: limit),
                error: .string(limit: limit)
            )
            let status: Int32
            switch result.terminationStatus {
            case .exited(let code): status = code
            case .signaled(let signal): status = 128 + signal
            }
            return CommandResult(
                exitStatus: status,
                standardOutput: result.standardOutput,
                standardError: result.standardError
            )
        }
        return try await withThrowingTaskGroup(of: CommandResult?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            do {
                guard let first = try await group.next(), let result = first else {
                    // Cancelling the group makes swift-subprocess tear the process down.
                    throw ProvisioningError(.timeout, "\(commandLine): no exit within \(timeout)")
                }
                return result
            } catch let error as ProvisioningError {
                throw error
            } catch {
                throw ProvisioningError(.commandFailed, "\(commandLine): cannot run: \(error)")
            }
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
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
        for candidate in candidates {
            for directory in directories {
                let full = directory + "/" + candidate
                if FileManager.default.isExecutableFile(atPath: full) { return full }
            }
        }
        return nil
    }
}
