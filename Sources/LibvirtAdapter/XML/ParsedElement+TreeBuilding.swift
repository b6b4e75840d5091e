extension ParsedElement: XMLTreeElement {
    /// With namespace processing on, `name` is the local name and an element in no namespace gets no
    /// URI; the qualified name keeps the prefix as written.
    init(name: String, qualifiedName: String?, namespaceURI: String?, attributes: [XMLAttribute]) {
        self.init(qualifiedName: qualifiedName ?? name, localName: name, namespaceURI: namespaceURI, attributes: attributes)
    }

    static var dropsIndentation: Bool { true }

    mutating func appendChild(_ child: ParsedElement) {
        var child = child
        child.textOffsetInParent = ownText.utf8.count
        elements.append(child)
    }

    mutating func appendText(_ text: String) {
        ownText += text
    }
}
