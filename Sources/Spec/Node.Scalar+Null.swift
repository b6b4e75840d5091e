import Yams

extension Node.Scalar {
    /// YAML's null: an explicit `!!null` tag, or a plain `~`, `null`, `Null`, `NULL` or nothing at all.
    /// The manifests' resolver has no rules (`Resolver.manifests`), so the words are matched here.
    var isNull: Bool {
        if tag.description.hasSuffix(":null") { return true }
        return style == .plain && ["", "~", "null", "Null", "NULL"].contains(string)
    }
}
