import HostCommands
import Localization

extension Blocker {
    /// The same blocker with every argument escaped for a terminal: the arguments come from the
    /// probed machine (a service name, a reason), the templates from reconcile's own catalogs.
    func escapedForTerminal() -> Blocker {
        Blocker(rung: rung, problem: Self.escaping(problemMessage), next: Self.escaping(nextMessage))
    }

    static func escaping(_ message: LocalizedMessage) -> LocalizedMessage {
        message.mappingValues(TerminalText.escape)
    }
}
