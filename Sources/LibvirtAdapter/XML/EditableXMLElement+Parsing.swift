extension EditableXMLElement: XMLTreeElement {
    /// Reads the root element of a document libvirt returned.
    init(parsing text: String, what: String) throws {
        self = try Self.parseTree(text, what: what, processNamespaces: false)
    }

    /// Without namespace processing, `name` is the name as written and namespace declarations arrive as
    /// ordinary `xmlns:…` attributes, so they are written back as they were.
    init(name: String, qualifiedName: String?, namespaceURI: String?, attributes: [XMLAttribute]) {
        self.init(qualifiedName ?? name, attributes: attributes.sorted { $0.name < $1.name })
    }

    mutating func appendChild(_ child: EditableXMLElement) {
        content.append(.element(child))
    }

    /// The parser may report one run of text in pieces; it stays one node.
    mutating func appendText(_ text: String) {
        if case .text(let previous) = content.last {
            content[content.count - 1] = .text(previous + text)
        } else {
            content.append(.text(text))
        }
    }
}
