extension XMLElementBuilder {
    /// The same element as an editable tree, to insert into a definition read from libvirt.
    var editable: EditableXMLElement {
        var content = children.map { EditableXMLNode.element($0.editable) }
        if let text { content.insert(.text(text), at: 0) }
        return EditableXMLElement(name, attributes: attributes.map { (name: $0.0, value: $0.1) }, content: content)
    }
}
