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
        try run(binary, arguments, environment: extra, in: directory)
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
