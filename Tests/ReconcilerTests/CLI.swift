import Foundation

/// Runs the built `reconcile` binary as a separate process, the way users and timers run it.
enum CLI {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
    }

    /// The binary SwiftPM built beside this test bundle, unless RECONCILE_BINARY names another.
    static var binary: String {
        if let explicit = ProcessInfo.processInfo.environment["RECONCILE_BINARY"], !explicit.isEmpty { return explicit }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("reconcile")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        return "reconcile"
    }

    static func reconcile(_ arguments: [String], environment extra: [String: String] = [:], in directory: String? = nil) throws -> Run {
        var environment = extra
        if environment["XDG_STATE_HOME"] == nil && !arguments.contains("--state-dir") {
            environment["XDG_STATE_HOME"] = stateHome(for: arguments)
        }
        return try run(binary, arguments, environment: environment, in: directory)
    }

    /// As a user whose `LANG` is `lang` runs it: LC_ALL and LC_MESSAGES outrank LANG, so they are
    /// emptied, and the test process's own locale cannot win.
    static func reconcile(_ arguments: [String], lang: String, in directory: String? = nil) throws -> Run {
        try reconcile(arguments, environment: ["LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""], in: directory)
    }

    /// A state directory of the test's own: tests run in parallel, and two applies sharing one state
    /// directory refuse each other (its lock). Calls on one fixture share it, as a user's plan and apply do.
    static func stateHome(for arguments: [String]) -> String {
        let temporary = FileManager.default.temporaryDirectory.standardizedFileURL.path
        let fixture = arguments.lazy.compactMap { argument -> String? in
            let components = URL(fileURLWithPath: argument).standardizedFileURL.pathComponents
            guard let index = components.firstIndex(where: { $0.hasPrefix("reconcile-tests-") }) else { return nil }
            return NSString.path(withComponents: Array(components[...index]))
        }.first { $0.hasPrefix(temporary) }
        let base = fixture ?? (temporary as NSString).appendingPathComponent("reconcile-cli-\(UUID().uuidString)")
        return (base as NSString).appendingPathComponent("state-home")
    }

    static func run(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:],
                    in directory: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true) }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        // stderr goes to a file so a chatty stderr can never block the child while stdout is read.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-cli-\(UUID().uuidString).err")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = (try? Data(contentsOf: errorFile)) ?? Data()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }
}
