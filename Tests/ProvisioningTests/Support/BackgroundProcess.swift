import Foundation
import HostCommands
@testable import Provisioning

/// A long-running test daemon (HTTP server, sshd) started in the background and
/// stopped by its pid.
struct BackgroundProcess {
    let pid: Int32
    let logFile: URL

    /// `sh` backgrounds the command and prints its pid; the daemon's output goes to
    /// `logFile` so no pipe keeps the launcher waiting.
    static func start(_ arguments: [String], logFile: URL) async throws -> BackgroundProcess {
        let script = "\"$@\" >'\(logFile.path)' 2>&1 </dev/null & echo $!"
        let result = try await LocalTransport().check(["/bin/sh", "-c", script, "sh"] + arguments, timeout: .seconds(10))
        guard let pid = Int32(result.standardOutput.trimmed(of: " \n")) else {
            throw ProvisioningError(.commandFailed, "no pid from launcher: \(result.standardOutput)")
        }
        return BackgroundProcess(pid: pid, logFile: logFile)
    }

    var isRunning: Bool {
        // After the launcher exits nobody reaps the daemon, so a zombie counts as stopped.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }

    func stop() async {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        for _ in 0..<50 where isRunning {
            try? await Task.sleep(for: .milliseconds(100))
        }
        if isRunning { kill(pid, SIGKILL) }
    }

    func log() -> String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }
}
