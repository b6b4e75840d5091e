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
    /// Attributes by qualified name; namespace declarations are not included.
    let attributes: [String: String]
    /// Child elements in document order.
    var elements: [ParsedElement] = []
    /// All character data inside the element, descendants included, in document order
    /// (what `XMLNode.stringValue` returns).
    var stringValue = ""

    init(qualifiedName: String, localName: String, namespaceURI: String?, attributes: [String: String]) {
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
        attributes[name]
    }

    var text: String { stringValue.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Walks a path of child names: `element.at("devices", "disk")`.
    func at(_ path: String...) -> ParsedElement? {
        var current: ParsedElement? = self
        for name in path { current = current?.child(name) }
        return current
    }
}
