/// libvirt's domain states folded into what a plan decides on.
public enum DomainRunState: String, Sendable, Hashable, Codable {
    case running
    case paused
    case shutoff
    /// Shutting down, crashed, blocked or suspended: states a plan should wait out or report.
    case other

    public var isActive: Bool { self != .shutoff }
}
