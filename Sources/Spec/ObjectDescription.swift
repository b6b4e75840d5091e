/// A manifest mapping and its fields, in the order the docs list them.
public struct ObjectDescription: Sendable {
    /// The mapping's path in a manifest, such as `spec.disks[]`, for the docs' headings.
    public var path: String
    public var fields: [FieldDescription]
    /// Keys the reader knows only to refuse them, with the reason (a token does not belong in a manifest).
    public var refusedKeys: [String: String]

    public init(_ path: String, refusedKeys: [String: String] = [:], _ fields: [FieldDescription]) {
        self.path = path
        self.fields = fields
        self.refusedKeys = refusedKeys
    }
}
