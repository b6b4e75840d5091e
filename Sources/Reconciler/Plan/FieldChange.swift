/// One field's value before and after, as text for people to read, with the kind of value it is so
/// JSON can carry numbers and booleans as such.
public struct FieldChange: Sendable, Hashable, Codable {
    /// What the text of `before` and `after` holds.
    public enum ValueKind: String, Sendable, Hashable, Codable {
        case text
        case number
        case boolean
    }

    public var field: String
    /// nil when the resource does not exist yet.
    public var before: String?
    /// nil when the resource goes away.
    public var after: String?
    public var kind: ValueKind
    /// For a running guest's fields: whether the change is live, waits for its next boot, or needs a rebuild.
    public var timing: ChangeTiming?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
        self.kind = .text
    }

    public init(field: String, before: Bool?, after: Bool?) {
        self.field = field
        self.before = before.map { "\($0)" }
        self.after = after.map { "\($0)" }
        self.kind = .boolean
    }

    /// The same change, marked with when it takes effect.
    public func timed(_ timing: ChangeTiming?) -> FieldChange {
        var change = self
        change.timing = timing
        return change
    }

    public init(field: String, before: Int?, after: Int?) {
        self.field = field
        self.before = before.map { "\($0)" }
        self.after = after.map { "\($0)" }
        self.kind = .number
    }
}
