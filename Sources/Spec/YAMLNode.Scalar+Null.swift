import Yams

extension YAMLNode.Scalar {
    /// YAML's null: an explicit `!!null` tag, or a plain `~`, `null`, `Null`, `NULL` or nothing at all.
    /// The manifests' resolver has no rules (`Resolver.manifests`), so the words are matched here.
    var isNull: Bool {
        if tag?.hasSuffix(":null") == true { return true }
        return style == .plain && ["", "~", "null", "Null", "NULL"].contains(string)
    }

    /// A string as Yams resolves it with the manifests' resolver: untagged, quoted (`!!str`), `!!str`
    /// written out, or the non-specific `!`.
    var isString: Bool {
        guard let tag else { return true }
        return tag == Tag.Name.str.rawValue || tag == "!"
    }
}
