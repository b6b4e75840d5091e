/// Read-only view of a host's file system.
///
/// Every probe reads through this protocol instead of touching the file
/// system directly, so the same detection code can run against this machine,
/// a fixture tree in the tests, or a remote host over SSH.
/// Paths are always absolute paths *on the probed host* (e.g. `/etc/os-release`).
public protocol HostFileSource: Sendable {
    /// The file's contents as UTF-8 text, or nil when it is missing or unreadable.
    func readFile(_ path: String) async -> String?
    /// Whether anything exists at `path`, including a dangling symlink
    /// (systemd "enabled" links may point at units we cannot resolve).
    func exists(_ path: String) async -> Bool
    /// Names of the entries in a directory, sorted; empty when it is missing.
    func listDirectory(_ path: String) async -> [String]
    /// Which of `paths` exist. Remote sources answer in one round trip, which
    /// matters because every SSH command costs a few hundred milliseconds.
    func existing(among paths: [String]) async -> Set<String>
}

extension HostFileSource {
    public func existing(among paths: [String]) async -> Set<String> {
        var found: Set<String> = []
        for path in paths where await exists(path) { found.insert(path) }
        return found
    }
}
