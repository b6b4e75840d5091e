typealias XMLAttribute = (name: String, value: String)

/// An element value `XMLTreeReader` can build a document's tree of: `EditableXMLElement`, which keeps
/// everything so that a patched document is written back as it was.
protocol XMLTreeElement {
    /// An element at its start tag: with namespace processing on, `name` is the local name and
    /// `namespaceURI` is set; off, `name` is as written and `xmlns:…` are plain attributes.
    /// Attributes come in document order: a handful per element, so a list, not a dictionary.
    init(name: String, qualifiedName: String?, namespaceURI: String?, attributes: [XMLAttribute])
    mutating func appendChild(_ child: Self)
    mutating func appendText(_ text: String)
}

extension XMLTreeElement {
    /// The root element of `text`, a document libvirt returned (`what` names it in errors).
    static func parseTree(_ text: String, what: String, processNamespaces: Bool) throws -> Self {
        try XMLTreeReader.root(of: text, what: what, processNamespaces: processNamespaces)
    }
}
