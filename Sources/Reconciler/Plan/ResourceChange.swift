/// Everything the plan does to one resource, for rendering: one block per resource in the text plan.
public struct ResourceChange: Sendable, Hashable, Codable {
    public var address: ResourceAddress
    public var change: ChangeType
    public var fields: [FieldChange]
    public var stepIDs: [String]
    /// Consequences a user should know before applying ("takes effect at next boot").
    public var notes: [String]
    /// A running guest has changes that wait for its next boot, and the plan does not restart it
    /// (`restartPolicy: never`). nil, not false, so plans saved before it still decode.
    public var restartPending: Bool?

    public init(address: ResourceAddress, change: ChangeType, fields: [FieldChange] = [], stepIDs: [String] = [],
                notes: [String] = []) {
        self.address = address
        self.change = change
        self.fields = fields
        self.stepIDs = stepIDs
        self.notes = notes
    }
}
