import HostCommands
import Synchronization

/// Records the commands host steps would run, answering with canned results, so steps can be
/// tested on fixture trees without changing anything.
final class RecordingTransport: CommandTransport {
    private let log = Mutex<[String]>([])
    /// Start of a command line (as the remote shell would read it) → the result it gets; everything else succeeds.
    let answers: [String: ProcessResult]
    let target: String

    init(target: String = "a fixture", answers: [String: ProcessResult] = [:]) {
        self.target = target
        self.answers = answers
    }

    var executed: [String] { log.withLock { $0 } }

    func run(_ argv: [String], input: String?, timeout: Duration?) async throws(ProcessError) -> ProcessResult {
        let line = ShellQuote.join(argv)
        log.withLock { $0.append(line) }
        return answers.first { line.hasPrefix($0.key) }?.value ?? ProcessResult(exitStatus: 0, standardOutput: "", standardError: "")
    }
}
