extension EditableXMLElement {
    /// The element as XML text; attribute values and text are escaped, whitespace text kept as read.
    func serialized() -> String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        output += "<\(name)"
        for attribute in attributes {
            output += " \(attribute.name)='\(XMLElementBuilder.escape(attribute.value))'"
        }
        guard !content.isEmpty else {
            output += "/>"
            return
        }
        output += ">"
        for node in content {
            switch node {
            case .element(let element): element.write(to: &output)
            case .text(let text): output += XMLElementBuilder.escape(text)
            }
        }
        output += "</\(name)>"
    }
}
