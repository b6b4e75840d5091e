/// Addresses found during one apply: `wait-for-ip` records candidates, `wait-for-ssh` the one that
/// answered with the pinned key, `install-agent` uses it. Nothing here outlives the run.
public actor GuestAddressBook {
    private var candidates: [String: [String]] = [:]
    private var confirmed: [String: String] = [:]

    public init() {}

    public func record(candidates addresses: [String], for guest: String) {
        candidates[guest] = addresses
    }

    public func confirm(_ address: String, for guest: String) {
        confirmed[guest] = address
    }

    public func candidates(for guest: String) -> [String] { candidates[guest] ?? [] }
    public func confirmed(for guest: String) -> String? { confirmed[guest] }
}
