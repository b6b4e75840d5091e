/// What `reconcile status` shows: every hypervisor's host and the guests on it, as one value that the
/// text, JSON and HTML renderers all draw from.
public struct StatusReport: Sendable, Hashable, Codable {
    /// Bumped when a field changes meaning or goes away, for programs reading the JSON.
    public var formatVersion: Int
    public var hosts: [HostStatus]

    public static let currentFormatVersion = 1

    public init(hosts: [HostStatus]) {
        formatVersion = Self.currentFormatVersion
        self.hosts = hosts
    }
}
