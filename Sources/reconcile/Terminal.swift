import Foundation
import HostCommands
import Localization
import Reconciler
import Spec

/// Where the CLI writes, and whether colour is wanted (a terminal, and NO_COLOR unset).
enum Terminal {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// One line of error. Error messages carry names and libvirt's own words from the host, so they
    /// are escaped here, once for every caller: a line break inside one is shown, not obeyed.
    static func error(_ text: String) {
        let line = text.hasSuffix("\n") ? String(text.dropLast()) : text
        writeStandardError(TerminalText.escape(line) + "\n")
    }

    /// An error that stopped a command, then what the user can do about it, a `hint:` line each.
    static func report(_ error: any Error) {
        let reconcileError = error as? ReconcileError
        Terminal.error("error: " + (reconcileError?.text(.current) ?? "\(error)"))
        for hint in reconcileError?.hints(.current) ?? [] { Terminal.error("hint: \(hint)") }
    }

    /// For text already escaped value by value and perhaps styled (progress lines beside JSON output).
    static func writeStandardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func style(forStandardError: Bool = false) -> TerminalStyle {
        let descriptor = forStandardError ? STDERR_FILENO : STDOUT_FILENO
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(enabled: isatty(descriptor) == 1 && !noColor)
    }
}
