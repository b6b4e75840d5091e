/// One field of a manifest mapping: what docs, the JSON Schema and the catalog test all read.
public struct FieldDescription: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    /// The value used when the field is left out, as the docs show it; nil when there is none.
    public var defaultValue: String?
    public var description: String
    /// A YAML value for the docs, as written after `name: `.
    public var example: String?
    /// For VirtualMachine fields: when a change reaches the guest.
    public var change: ChangeEffect?

    public init(_ name: String, _ type: FieldType, required: Bool = false, default defaultValue: String? = nil,
                change: ChangeEffect? = nil, example: String? = nil, _ description: String) {
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.change = change
        self.example = example
        self.description = description
    }
}
