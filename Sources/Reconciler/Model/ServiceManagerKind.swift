/// What starts daemons on a host. `none` is a container or a machine booted without an init
/// system: daemons are started by hand and nothing starts them at boot.
public enum ServiceManagerKind: String, Sendable, Hashable, Codable {
    case systemd
    case openrc
    case none
}
