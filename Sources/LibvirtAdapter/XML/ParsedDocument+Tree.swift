import CLibXML2

extension ParsedDocument {
    /// Reads `text` through libxml2's tree, where an entity the document's DTD declares reads as its
    /// replacement text (see XMLTreeReader.appendCharacterData).
    static func readTree(of text: String, what: String, into builder: inout Builder) throws {
        let (document, root) = try XMLTreeReader.document(text, what: what, readOnly: true)
        defer { xmlFreeDoc(document) }
        addElement(root, to: &builder)
    }

    private static func addElement(_ node: xmlNodePtr, to builder: inout Builder) {
        let name = builder.append(contentsOf: XMLTreeReader.qualifiedName(node.pointee.name, node.pointee.ns).utf8)
        let localOffset = node.pointee.ns?.pointee.prefix.map { xmlStrlen($0) + 1 } ?? 0
        let namespace = node.pointee.ns?.pointee.href.flatMap { href in
            href.pointee == 0 ? nil : builder.append(contentsOf: XMLTreeReader.string(href).utf8)
        }
        let firstAttribute = builder.attributes.count
        for attribute in XMLTreeReader.attributes(of: node) {
            let name = builder.append(contentsOf: attribute.name.utf8)
            let value = builder.append(contentsOf: attribute.value.utf8)
            builder.attributes.append(Attribute(name: name, value: value))
        }
        builder.startElement(name: name, localOffset: localOffset, namespace: namespace, firstAttribute: firstAttribute)
        var child = node.pointee.children
        while let current = child {
            var characters = ""
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                addElement(current, to: &builder)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { characters = XMLTreeReader.string(content) }
            case XML_ENTITY_REF_NODE:
                XMLTreeReader.appendCharacterData(of: current.pointee.children?.pointee.children, to: &characters)
            default:
                break
            }
            if !characters.isEmpty {
                let span = builder.append(contentsOf: characters.utf8)
                builder.text(span)
            }
            child = current.pointee.next
        }
        builder.endElement()
    }
}
