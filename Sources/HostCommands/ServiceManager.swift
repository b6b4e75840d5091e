/// How services are started on a machine, host or guest. One enum so that what the host
/// probes detect and what provisioning drives on a guest are the same values.
public enum ServiceManager: String, Sendable, Hashable, Codable, CaseIterable {
    case systemd
    /// Alpine: no systemctl, no bash.
    case openrc
    /// No init system (containers): daemons are started by hand.
    case none

    /// A POSIX sh command that prints `systemd` or `openrc` (or nothing), for a guest
    /// reached over SSH where files cannot be inspected directly.
    public static let detectionCommand =
        "if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then echo systemd; " +
        "elif command -v rc-service >/dev/null 2>&1; then echo openrc; fi"

    /// Reads the output of `detectionCommand`: nil unless it named an init system, since
    /// the command never prints `none` and anything else is not an answer.
    public init?(detectionOutput: String) {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        var scalars = Substring(detectionOutput).unicodeScalars
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        guard let manager = ServiceManager(rawValue: String(scalars)), manager != .none else { return nil }
        self = manager
    }
}
