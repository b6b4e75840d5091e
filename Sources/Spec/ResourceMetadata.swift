/// The `metadata:` block every manifest document carries.
public struct ResourceMetadata: Sendable, Hashable, Codable {
    public var name: String
    /// Take over an existing object of the same name that reconcile did not create.
    public var adopt: Bool
    /// Where the document's `metadata.name` is written, for errors about the whole resource.
    public var location: SourceLocation

    public init(name: String, adopt: Bool = false, location: SourceLocation) {
        self.name = name
        self.adopt = adopt
        self.location = location
    }
}
