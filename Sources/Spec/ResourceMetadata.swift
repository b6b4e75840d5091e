/// The `metadata:` block every manifest document carries.
public struct ResourceMetadata: Sendable, Hashable, Codable {
    public var name: String
    /// Take over an existing object of the same name that reconcile did not create.
    public var adopt: Bool
    /// Where the document's `metadata.name` is written, for errors about the whole resource.
    public var location: SourceLocation
    /// Where each field of the document is written, by dotted path (`spec.ipv4.dhcp.start`,
    /// `spec.disks[0]`), so checks across documents can point at the field at fault.
    public var fieldLocations: [String: SourceLocation]

    public init(name: String, adopt: Bool = false, location: SourceLocation, fieldLocations: [String: SourceLocation] = [:]) {
        self.name = name
        self.adopt = adopt
        self.location = location
        self.fieldLocations = fieldLocations
    }

    /// Where the first of `fields` that the document writes is, else where its name is.
    public func location(of fields: String...) -> SourceLocation {
        fields.lazy.compactMap { fieldLocations[$0] }.first ?? location
    }
}
