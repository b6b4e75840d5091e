import Foundation

/// The `reconcile` binary running in the background, for the watch loop: its stdout and stderr go to
/// files the test reads while it runs, and the test signals it by its pid.
final class CLIProcess {
    let process = Process()
    let directory: URL
    var stdoutFile: URL { directory.appendingPathComponent("stdout") }
    var stderrFile: URL { directory.appendingPathComponent("stderr") }

    init(_ arguments: [String], environment extra: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in [stdoutFile, stderrFile] {
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        }
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    var stdout: String { (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    /// The JSON events (`--log-format json`) written so far, in order.
    var events: [[String: Any]] {
        stderr.split(separator: "\n").compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }

    var passes: [[String: Any]] { events.filter { $0["event"] as? String == "pass" } }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Polls until `condition` holds; false after `timeout`.
    func waitFor(_ timeout: Duration = .seconds(20), _ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    /// The exit status, or nil when it is still running after `timeout` (it is then killed).
    func exitStatus(within timeout: Duration = .seconds(20)) async throws -> Int32? {
        guard try await waitFor(timeout, { !process.isRunning }) else {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationStatus
    }
}
