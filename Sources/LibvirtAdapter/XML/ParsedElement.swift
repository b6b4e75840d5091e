import CLibXML2
import Foundation

/// One element of an XML document libvirt returned, read in place in libxml2's tree: names, attributes
/// and text become Swift strings only when asked for.
///
/// Namespaces are processed: `localName` is without a prefix, `namespaceURI` is the element's namespace,
/// and namespace declarations are not attributes. Lookups by name use the qualified name, as written
/// (`reconcile:resource`), as `XMLElement.elements(forName:)` does.
struct ParsedElement: @unchecked Sendable {
    // Unchecked: see ParsedDocument; the node lives as long as the document this value keeps.
    private let node: xmlNodePtr
    private let document: ParsedDocument

    init(_ node: xmlNodePtr, in document: ParsedDocument) {
        self.node = node
        self.document = document
    }

    /// The name without its prefix: `resource`.
    var localName: String { XMLTreeReader.string(node.pointee.name) }

    /// The name as written, with its prefix if any: `reconcile:resource`.
    var qualifiedName: String { XMLTreeReader.qualifiedName(node.pointee.name, node.pointee.ns) }

    /// The namespace the element is in, or nil when it is in none.
    var namespaceURI: String? {
        guard let href = node.pointee.ns?.pointee.href, href.pointee != 0 else { return nil }
        return XMLTreeReader.string(href)
    }

    /// Child elements in document order.
    var elements: [ParsedElement] {
        var found: [ParsedElement] = []
        forEachChild { found.append($0) }
        return found
    }

    /// The first child element named `name` (qualified name).
    func child(_ name: String) -> ParsedElement? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, Self.isNamed(current.pointee.name, current.pointee.ns, name) {
                return ParsedElement(current, in: document)
            }
            child = current.pointee.next
        }
        return nil
    }

    func children(_ name: String) -> [ParsedElement] {
        var found: [ParsedElement] = []
        forEachChild { if Self.isNamed($0.node.pointee.name, $0.node.pointee.ns, name) { found.append($0) } }
        return found
    }

    /// The attribute's value by qualified name (`x:a` for a prefixed one).
    func attribute(_ name: String) -> String? {
        var property = node.pointee.properties
        while let attribute = property {
            if Self.isNamed(attribute.pointee.name, attribute.pointee.ns, name) { return XMLTreeReader.value(of: attribute) }
            property = attribute.pointee.next
        }
        return nil
    }

    /// Attributes by qualified name, in document order; namespace declarations are not included.
    var attributes: [XMLAttribute] { XMLTreeReader.attributes(of: node) }

    /// All character data inside the element, descendants included, in document order (what
    /// `XMLNode.stringValue` returns).
    var stringValue: String {
        var value = ""
        XMLTreeReader.appendCharacterData(of: node.pointee.children, to: &value)
        return value
    }

    var text: String {
        let value = stringValue
        // Most values (names, numbers, paths) have nothing to trim, and Foundation's trimming costs
        // more than reading the element did: when both ends are visible ASCII, the value is the text.
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

    private func forEachChild(_ body: (ParsedElement) -> Void) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { body(ParsedElement(current, in: document)) }
            child = current.pointee.next
        }
    }

    /// Whether an element's or attribute's qualified name (`local` in namespace `ns`) is `name`,
    /// compared byte by byte in place.
    private static func isNamed(_ local: UnsafePointer<xmlChar>?, _ ns: xmlNsPtr?, _ name: String) -> Bool {
        guard let local else { return false }
        var utf8 = name.utf8[...]
        if let prefix = ns?.pointee.prefix {
            guard consume(prefix, from: &utf8), utf8.first == UInt8(ascii: ":") else { return false }
            utf8 = utf8.dropFirst()
        }
        return consume(local, from: &utf8) && utf8.isEmpty
    }

    /// Drops the C string `characters` from the front of `utf8`; false when `utf8` does not start with it.
    private static func consume(_ characters: UnsafePointer<xmlChar>, from utf8: inout Substring.UTF8View) -> Bool {
        var index = 0
        while characters[index] != 0 {
            guard let byte = utf8.first, byte == characters[index] else { return false }
            utf8 = utf8.dropFirst()
            index += 1
        }
        return true
    }
}
