import Foundation

/// One element of an XML document libvirt returned, read in place in its `ParsedDocument`: names,
/// attributes and text become Swift strings only when asked for.
///
/// Namespaces are processed: `localName` is without a prefix, `namespaceURI` is the element's namespace,
/// and namespace declarations are not attributes. Lookups by name use the qualified name, as written
/// (`reconcile:resource`), as `XMLElement.elements(forName:)` does.
struct ParsedElement: Sendable {
    private let index: Int32
    private let document: ParsedDocument

    init(_ index: Int32, in document: ParsedDocument) {
        self.index = index
        self.document = document
    }

    private var node: ParsedDocument.Node { document.nodes[Int(index)] }

    /// The name without its prefix: `resource`.
    var localName: String {
        let name = node.name
        return document.string(ParsedDocument.Span(start: name.start + node.localOffset, count: name.count - node.localOffset))
    }

    /// The name as written, with its prefix if any: `reconcile:resource`.
    var qualifiedName: String { document.string(node.name) }

    /// The namespace the element is in, or nil when it is in none.
    var namespaceURI: String? { node.namespace.map(document.string) }

    /// Child elements in document order.
    var elements: [ParsedElement] {
        var found: [ParsedElement] = []
        forEachChild { found.append($0) }
        return found
    }

    /// The first child element named `name` (qualified name).
    func child(_ name: String) -> ParsedElement? {
        var child = node.firstChild
        while child >= 0 {
            let current = document.nodes[Int(child)]
            if !current.isText, document.spells(current.name, name) { return ParsedElement(child, in: document) }
            child = current.nextSibling
        }
        return nil
    }

    func children(_ name: String) -> [ParsedElement] {
        var found: [ParsedElement] = []
        forEachChild { if document.spells($0.node.name, name) { found.append($0) } }
        return found
    }

    /// The attribute's value by qualified name (`x:a` for a prefixed one).
    func attribute(_ name: String) -> String? {
        let node = self.node
        for position in node.firstAttribute..<node.firstAttribute + node.attributeCount {
            let attribute = document.attributes[Int(position)]
            if document.spells(attribute.name, name) { return document.string(attribute.value) }
        }
        return nil
    }

    /// Attributes by qualified name, in document order; namespace declarations are not included.
    var attributes: [XMLAttribute] {
        let node = self.node
        return (node.firstAttribute..<node.firstAttribute + node.attributeCount).map { position in
            let attribute = document.attributes[Int(position)]
            return (document.string(attribute.name), document.string(attribute.value))
        }
    }

    /// All character data inside the element, descendants included, in document order (what
    /// `XMLNode.stringValue` returns).
    var stringValue: String {
        let first = node.firstChild
        // Most elements read for their text hold one run of it.
        if first >= 0, document.nodes[Int(first)].isText, document.nodes[Int(first)].nextSibling < 0 {
            return document.string(document.nodes[Int(first)].name)
        }
        var spans: [ParsedDocument.Span] = []
        collectText(below: index, into: &spans)
        var bytes: [UInt8] = []
        for span in spans { bytes += document.bytes[Int(span.start)..<Int(span.start + span.count)] }
        return String(decoding: bytes, as: UTF8.self)
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
        var child = node.firstChild
        while child >= 0 {
            let current = document.nodes[Int(child)]
            if !current.isText { body(ParsedElement(child, in: document)) }
            child = current.nextSibling
        }
    }

    private func collectText(below parent: Int32, into spans: inout [ParsedDocument.Span]) {
        var child = document.nodes[Int(parent)].firstChild
        while child >= 0 {
            let current = document.nodes[Int(child)]
            if current.isText { spans.append(current.name) } else { collectText(below: child, into: &spans) }
            child = current.nextSibling
        }
    }
}
