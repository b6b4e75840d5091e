/// One field's value before and after, as text for people to read.
public struct FieldChange: Sendable, Hashable, Codable {
    public var field: String
    /// nil when the resource does not exist yet.
    public var before: String?
    /// nil when the resource goes away.
    public var after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }
}
