import Localization

/// Everything the plan does to one resource, for rendering: one block per resource in the text plan.
public struct ResourceChange: Sendable, Hashable, Codable {
    public var address: ResourceAddress
    public var change: ChangeType
    public var fields: [FieldChange]
    public var stepIDs: [String]
    /// Consequences a user should know before applying ("takes effect at next boot").
    /// Worded in the reader's language by the text plan, in English in JSON.
    public var notes: [LocalizedMessage]
    /// A running guest has changes that wait for its next boot, and the plan does not restart it
    /// (`restartPolicy: never`). nil, not false, so plans saved before it still decode.
    public var restartPending: Bool?

    public init(address: ResourceAddress, change: ChangeType, fields: [FieldChange] = [], stepIDs: [String] = [],
                notes: [LocalizedMessage] = []) {
        self.address = address
        self.change = change
        self.fields = fields
        self.stepIDs = stepIDs
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey { case address, change, fields, stepIDs, notes, restartPending }

    /// Encoded with English notes, as before notes had keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(address, forKey: .address)
        try container.encode(change, forKey: .change)
        try container.encode(fields, forKey: .fields)
        try container.encode(stepIDs, forKey: .stepIDs)
        try container.encode(notes.map(\.english), forKey: .notes)
        try container.encodeIfPresent(restartPending, forKey: .restartPending)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(address: try container.decode(ResourceAddress.self, forKey: .address),
                  change: try container.decode(ChangeType.self, forKey: .change),
                  fields: try container.decode([FieldChange].self, forKey: .fields),
                  stepIDs: try container.decode([String].self, forKey: .stepIDs),
                  notes: try container.decode([String].self, forKey: .notes).map(LocalizedMessage.verbatim))
        restartPending = try container.decodeIfPresent(Bool.self, forKey: .restartPending)
    }
}
