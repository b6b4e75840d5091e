extension ParsedElement: XMLTreeElement {
    /// With namespace processing on, `name` is the local name and an element in no namespace gets no
    /// URI; the qualified name keeps the prefix as written.
    init(name: String, qualifiedName: String?, namespaceURI: String?, attributes: [String: String]) {
        self.init(qualifiedName: qualifiedName ?? name, localName: name, namespaceURI: namespaceURI, attributes: attributes)
    }

    mutating func appendChild(_ child: ParsedElement) {
        // The parent's string value includes its children's, in document order.
        stringValue += child.stringValue
        elements.append(child)
    }

    mutating func appendText(_ text: String) {
        stringValue += text
    }
}
