import Foundation

/// An element of a libvirt definition kept faithfully enough to be edited and written back: child
/// elements and text in order, attributes with namespace declarations (`xmlns:foo`) among them, names
/// with their prefixes as written. Comments and processing instructions are not kept (libvirt drops
/// them from definitions too). A value tree, unlike FoundationXML's `XMLDocument`, which leaks on Linux.
struct EditableXMLElement: Sendable {
    /// The name as written, with its prefix if any: `reconcile:resource`.
    var name: String
    /// In document order for a fresh element; the reader reports parsed ones unordered, so they are kept
    /// sorted by name (attribute order carries no meaning in XML).
    var attributes: [(name: String, value: String)]
    var content: [EditableXMLNode]

    init(_ name: String, attributes: [(name: String, value: String)] = [], content: [EditableXMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.content = content
    }

    /// Child elements in document order.
    var elements: [EditableXMLElement] {
        content.compactMap { node in
            if case .element(let element) = node { return element }
            return nil
        }
    }

    /// The element's own character data, trimmed (what a leaf such as `<vcpu>` holds).
    var text: String {
        content.compactMap { node in
            if case .text(let text) = node { return text }
            return nil
        }.joined().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func child(_ name: String) -> EditableXMLElement? {
        elements.first { $0.name == name }
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The prefix of the name, or nil for an unprefixed name.
    var prefix: String? {
        guard let colon = name.firstIndex(of: ":") else { return nil }
        return String(name[..<colon])
    }

    /// The namespaces this element declares, by prefix ("" for a default namespace).
    var declaredNamespaces: [String: String] {
        var result: [String: String] = [:]
        for attribute in attributes {
            if attribute.name == "xmlns" { result[""] = attribute.value }
            if attribute.name.hasPrefix("xmlns:") { result[String(attribute.name.dropFirst(6))] = attribute.value }
        }
        return result
    }

    /// The namespace of the element's name, given the declarations in scope of its parent.
    func namespaceURI(in scope: [String: String]) -> String? {
        scope.merging(declaredNamespaces) { $1 }[prefix ?? ""]
    }
}
