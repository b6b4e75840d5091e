extension EditableXMLElement {
    /// Reads the root element of a document libvirt returned.
    init(parsing text: String, what: String) throws {
        self = try XMLTreeReader.editableRoot(of: text, what: what)
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
