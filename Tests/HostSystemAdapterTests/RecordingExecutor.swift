import HostProbe
import HostSystemAdapter
import Synchronization

/// Records the commands host steps would run, answering with canned results, so steps can be
/// tested on fixture trees without changing anything.
final class RecordingExecutor: CommandExecutor {
    private let log = Mutex<[String]>([])
    /// First word(s) of a rendered command → the result it gets; everything else succeeds.
    let answers: [String: CommandResult]

    init(answers: [String: CommandResult] = [:]) {
        self.answers = answers
    }

    var executed: [String] { log.withLock { $0 } }

    func execute(_ command: HostCommand) async throws -> CommandResult {
        let rendered = command.rendered
        log.withLock { $0.append(rendered) }
        return answers.first { rendered.hasPrefix($0.key) }?.value ?? CommandResult(exitCode: 0)
    }
}
