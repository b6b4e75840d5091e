import Foundation

/// Puts the terminal on stdin in raw mode (every key goes to the guest, Ctrl-C included) and restores
/// it; does nothing when stdin is not a terminal (input from a pipe or a file).
final class RawTerminal: @unchecked Sendable {
    private var saved = termios()
    private var active = false

    init() {
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
        var raw = saved
        cfmakeraw(&raw)
        active = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0
    }

    func restore() {
        guard active else { return }
        var original = saved
        tcsetattr(STDIN_FILENO, TCSANOW, &original)
        active = false
    }
}
