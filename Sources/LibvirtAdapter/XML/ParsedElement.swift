import Foundation

/// One element of an XML document libvirt returned, as a plain value.
///
/// FoundationXML's `XMLDocument` tree on Linux keeps itself alive (every node retains itself through
/// libxml's private pointer), so each parsed document leaked; this value tree is freed like any value.
struct ParsedElement: Sendable {
    /// The name as written, with its prefix if any: `reconcile:resource`.
    let qualifiedName: String
    /// The name without its prefix: `resource`.
    let localName: String
    /// The namespace the element is in, or nil when it is in none.
    let namespaceURI: String?
    /// Attributes by qualified name, in document order; namespace declarations are not included.
    let attributes: [XMLAttribute]
    /// Child elements in document order.
    var elements: [ParsedElement] = []
    /// The character data directly inside the element.
    var ownText = ""
    /// How many bytes of its parent's own text come before this element, to put the two back in
    /// document order when a string value is asked for.
    var textOffsetInParent = 0

    init(qualifiedName: String, localName: String, namespaceURI: String?, attributes: [XMLAttribute]) {
        self.qualifiedName = qualifiedName
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.attributes = attributes
    }

    /// The first child element named `name` (qualified name, as `XMLElement.elements(forName:)` matches).
    func child(_ name: String) -> ParsedElement? {
        elements.first { $0.qualifiedName == name }
    }

    func children(_ name: String) -> [ParsedElement] {
        elements.filter { $0.qualifiedName == name }
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// All character data inside the element, descendants included, in document order (what
    /// `XMLNode.stringValue` returns). Built when asked rather than by every parent while reading:
    /// nearly every read is of a leaf's text.
    var stringValue: String {
        guard !elements.isEmpty else { return ownText }
        let bytes = ownText.utf8
        var result = ""
        var taken = bytes.startIndex
        for child in elements {
            let offset = bytes.index(bytes.startIndex, offsetBy: child.textOffsetInParent)
            result += ownText[taken..<offset]
            result += child.stringValue
            taken = offset
        }
        return result + ownText[taken...]
    }

    var text: String {
        // Most values (names, numbers, paths) have nothing to trim, and Foundation's trimming costs
        // more than reading the element did: when both ends are visible ASCII, the value is the text.
        let value = stringValue
        if let first = value.utf8.first, let last = value.utf8.last,
           (0x21...0x7e).contains(first), (0x21...0x7e).contains(last) {
            return value
        }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Walks a path of child names: `element.at("devices", "disk")`.
    func at(_ path: String...) -> ParsedElement? {
        var current: ParsedElement? = self
        for name in path { current = current?.child(name) }
        return current
    }
}
