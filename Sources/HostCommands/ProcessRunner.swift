import Foundation
import Localization
import Logging
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs external programs through swift-subprocess: the one place that turns a command line
/// into a `ProcessResult`, so timeouts, output limits and signal statuses behave the same
/// for provisioning, host probes and host steps.
public struct ProcessRunner: Sendable {
    /// Output beyond this (per stream) is an error rather than unbounded memory.
    public var outputLimit: Int
    /// Probes only want stdout; discarding stderr also keeps a chatty stderr from
    /// hitting the output limit.
    public var capturesStandardError: Bool

    /// Where each command line and its exit status go, at debug level (shown by --verbose).
    public var logger: Logger

    public init(outputLimit: Int = 16 << 20, capturesStandardError: Bool = true,
                logger: Logger = Logger(label: "reconcile.commands")) {
        self.outputLimit = outputLimit
        self.capturesStandardError = capturesStandardError
        self.logger = logger
    }

    /// Runs `executable` (a name looked up in PATH, or an absolute path).
    /// `input` nil leaves stdin at /dev/null; `timeout` nil waits for as long as it takes.
    /// A non-zero exit is a result, not an error; failing to start and timing out throw.
    public func run(
        _ executable: String,
        _ arguments: [String],
        input: String? = nil,
        timeout: Duration? = nil
    ) async throws(ProcessError) -> ProcessResult {
        // For --verbose: the command as a shell would read it, never stdin (where secrets travel).
        // A URL argument (git fetch) may carry credentials, which no log shows.
        let shown = ShellQuote.join([executable] + arguments).redactingURLCredentials
        let started = ContinuousClock.now
        logger.debug("run: \(shown)\(input.map { " (stdin: \($0.utf8.count) bytes, not shown)" } ?? "")")
        do {
            let result = try await runUnlogged(executable, arguments, input: input, timeout: timeout)
            logger.debug("exit \(result.exitStatus) in \(started.duration(to: .now)): \(shown)")
            return result
        } catch {
            // Logs are English whatever the locale, like JSON output.
            logger.debug("\(error.message)")
            throw error
        }
    }

    private func runUnlogged(
        _ executable: String, _ arguments: [String], input: String?, timeout: Duration?
    ) async throws(ProcessError) -> ProcessResult {
        let commandLine = ([executable] + arguments).joined(separator: " ")
        let work: @Sendable () async throws -> ProcessResult = { [self] in
            try await launch(executable, arguments, input: input)
        }
        do {
            guard let timeout else { return try await work() }
            return try await withThrowingTaskGroup(of: ProcessResult?.self) { group in
                group.addTask { try await work() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let result = first else {
                    // Cancelling the group makes swift-subprocess tear the process down.
                    throw ProcessError(.timeout, LocalizedMessage("adapter.process.timeout", ["command": commandLine, "seconds": timeout.secondsText]))
                }
                return result
            }
        } catch let error as ProcessError {
            throw error
        } catch {
            throw ProcessError(.cannotRun, LocalizedMessage("adapter.process.cannotRun", ["command": commandLine, "reason": "\(error)"]),
                               underlying: error)
        }
    }

    /// The first of `candidates` found in PATH (plus the sbin directories, which a non-root
    /// PATH often lacks), for tools with several names.
    public static func findExecutable(_ candidates: [String]) -> String? {
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

    /// swift-subprocess types stdin and stderr handling statically, so each combination is its own call.
    private func launch(_ executable: String, _ arguments: [String], input: String?) async throws -> ProcessResult {
        let target: Executable = executable.hasPrefix("/") ? .path(FilePath(executable)) : .name(executable)
        let arguments = Arguments(arguments)
        let output: StringOutput<UTF8> = .string(limit: outputLimit)
        switch (input, capturesStandardError) {
        case (let input?, true):
            let result = try await Subprocess.run(
                target, arguments: arguments, input: .string(input), output: output, error: .string(limit: outputLimit))
            return ProcessResult(status: result.terminationStatus, standardOutput: result.standardOutput, standardError: result.standardError)
        case (let input?, false):
            let result = try await Subprocess.run(target, arguments: arguments, input: .string(input), output: output, error: .discarded)
            return ProcessResult(status: result.terminationStatus, standardOutput: result.standardOutput, standardError: "")
        case (nil, true):
            let result = try await Subprocess.run(target, arguments: arguments, output: output, error: .string(limit: outputLimit))
            return ProcessResult(status: result.terminationStatus, standardOutput: result.standardOutput, standardError: result.standardError)
        case (nil, false):
            let result = try await Subprocess.run(target, arguments: arguments, output: output, error: .discarded)
            return ProcessResult(status: result.terminationStatus, standardOutput: result.standardOutput, standardError: "")
        }
    }
}
