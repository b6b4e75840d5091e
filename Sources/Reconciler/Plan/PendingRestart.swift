/// A running guest whose definition already holds changes it gets only at its next boot (written by an
/// earlier apply under `restartPolicy: never`, or by hand). Not a change and not a conflict: a plan
/// with nothing else is still converged, and says it on every run until the guest restarts.
public struct PendingRestart: Sendable, Hashable, Codable {
    public var address: ResourceAddress
    /// Running value → definition, each marked next boot.
    public var fields: [FieldChange]

    public init(address: ResourceAddress, fields: [FieldChange]) {
        self.address = address
        self.fields = fields
    }
}
