extension String {
    /// This text with the `user:password@` part of every URL in it replaced by `***@`. Manifests may
    /// carry credentials in image URLs (a private mirror); plans, logs and errors show this form only.
    public var redactingURLCredentials: String {
        guard contains("@"), contains("://") else { return self }
        var result = ""
        var rest = Substring(self)
        while let separator = rest.range(of: "://") {
            result += rest[..<separator.upperBound]
            rest = rest[separator.upperBound...]
            let end = rest.firstIndex { "/?#".contains($0) || $0.isWhitespace || $0 == "'" || $0 == "\"" } ?? rest.endIndex
            let authority = rest[..<end]
            if let at = authority.lastIndex(of: "@") {
                result += "***"
                rest = rest[at...]
            }
        }
        return result + rest
    }
}
