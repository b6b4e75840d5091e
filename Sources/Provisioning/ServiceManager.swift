/// The init system of a guest, which decides how the agent service is managed.
public enum ServiceManager: String, Sendable, Hashable, CaseIterable {
    case systemd
    /// Alpine: no systemctl, no bash.
    case openrc

    /// A POSIX sh command that prints `systemd` or `openrc` (or nothing).
    public static let detectionCommand =
        "if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then echo systemd; " +
        "elif command -v rc-service >/dev/null 2>&1; then echo openrc; fi"

    /// Reads the output of `detectionCommand`.
    public init?(detectionOutput: String) {
        self.init(rawValue: detectionOutput.trimmed(of: " \n\r\t"))
    }
}
