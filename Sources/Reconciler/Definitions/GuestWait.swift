/// Waiting for a booted guest: its address on every NIC, then SSH with the pinned key.
public struct GuestWait: Sendable, Hashable, Codable {
    public var guest: String
    /// The MACs of the NICs that must get an address.
    public var macs: [String]
    public var loginUser: String
    public var timeoutSeconds: Int

    public init(guest: String, macs: [String], loginUser: String, timeoutSeconds: Int) {
        self.guest = guest
        self.macs = macs
        self.loginUser = loginUser
        self.timeoutSeconds = timeoutSeconds
    }
}
