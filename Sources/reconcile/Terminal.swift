import Foundation
import Reconciler

/// Where the CLI writes, and whether colour is wanted (a terminal, and NO_COLOR unset).
enum Terminal {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func style(forStandardError: Bool = false) -> TerminalStyle {
        let descriptor = forStandardError ? STDERR_FILENO : STDOUT_FILENO
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(enabled: isatty(descriptor) == 1 && !noColor)
    }
}
