/// Builds XML text with every attribute and text value escaped. libvirt reads it; people rarely do.
struct XMLElementBuilder {
    var name: String
    var attributes: [(String, String)] = []
    var children: [XMLElementBuilder] = []
    var text: String?

    init(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil,
         children: [XMLElementBuilder] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    mutating func add(_ child: XMLElementBuilder) {
        children.append(child)
    }

    func render(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        let attributeText = attributes.map { " \($0.0)='\(Self.escape($0.1))'" }.joined()
        if let text {
            return "\(pad)<\(name)\(attributeText)>\(Self.escape(text))</\(name)>\n"
        }
        if children.isEmpty {
            return "\(pad)<\(name)\(attributeText)/>\n"
        }
        return "\(pad)<\(name)\(attributeText)>\n" + children.map { $0.render(indent: indent + 1) }.joined() + "\(pad)</\(name)>\n"
    }

    static func escape(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.count)
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "'": result += "&apos;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
