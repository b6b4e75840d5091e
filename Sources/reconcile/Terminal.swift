import Foundation
import HostCommands
import Localization
import Reconciler
import Spec

/// Where the CLI writes, and whether colour is wanted (a terminal, and NO_COLOR unset).
enum Terminal {
    static func write(_ text: String) {
        write(text, to: .standardOutput)
    }

    /// One line of error. Error messages carry names and libvirt's own words from the host, so they
    /// are escaped here, once for every caller: a line break inside one is shown, not obeyed.
    static func error(_ text: String) {
        let line = text.hasSuffix("\n") ? String(text.dropLast()) : text
        writeStandardError(TerminalText.escape(line) + "\n")
    }

    /// An error that stopped a command, then what the user can do about it, a `hint:` line each.
    static func report(_ error: any Error) {
        Terminal.error("error: " + ErrorText.text(error, .current))
        for hint in (error as? ReconcileError)?.hints(.current) ?? [] { Terminal.error("hint: \(hint)") }
    }

    /// For text already escaped value by value and perhaps styled (progress lines beside JSON output).
    static func writeStandardError(_ text: String) {
        write(text, to: .standardError)
    }

    /// A reader that went away (`reconcile apply | head`) loses the rest of the output, and nothing
    /// more: the steps under way still finish and the exit code still says how the run went. The
    /// non-throwing `write(_:)` would trap on EPIPE instead.
    private static func write(_ text: String, to handle: FileHandle) {
        try? handle.write(contentsOf: Data(text.utf8))
    }

    static func style(forStandardError: Bool = false) -> TerminalStyle {
        let descriptor = forStandardError ? STDERR_FILENO : STDOUT_FILENO
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(enabled: isatty(descriptor) == 1 && !noColor)
    }
}
