import CLibXML2
import Foundation
import Localization

/// Reads a document libvirt returned into a tree of `XMLTreeElement` values with libxml2's own
/// parser and tree, walked once. FoundationXML's XMLParser (libxml2 underneath too) handed every
/// element, attribute and run of text to Swift through its delegate as bridged strings and
/// dictionaries: reading 1,000 domain definitions took longer than libvirtd took to send them.
enum XMLTreeReader {
    /// libxml2 sets up its global tables once per process, before the first parse on any thread.
    private static let initialized: Void = xmlInitParser()

    /// The root element of `text` (`what` names the document in errors). With `processNamespaces`,
    /// names are local and carry their namespace URI, and namespace declarations are not attributes;
    /// without, names are as written and `xmlns`/`xmlns:…` declarations are ordinary attributes.
    static func root<Element: XMLTreeElement>(of text: String, what: String, processNamespaces: Bool) throws -> Element {
        let document = try self.document(text, what: what)
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw unparsable(what, "the document has no root element")
        }
        return element(root, processNamespaces: processNamespaces)
    }

    /// libxml2's tree of `text`, which the caller frees with `xmlFreeDoc`. A `readOnly` tree leaves
    /// out whitespace between elements and must not be changed.
    static func document(_ text: String, what: String, readOnly: Bool = false) throws -> xmlDocPtr {
        _ = initialized
        guard let context = xmlNewParserCtxt() else { throw unparsable(what, "out of memory") }
        defer { xmlFreeParserCtxt(context) }
        // No network, no DTD loading, no entity substitution (so no external entity is ever read), and
        // nothing printed to stderr: the error is reported from the context below.
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        if readOnly {
            // A tree only read: no text nodes for indentation, and short text stored in its node.
            options |= Int32(XML_PARSE_NOBLANKS.rawValue | XML_PARSE_COMPACT.rawValue)
        }
        let length = Int32(clamping: text.utf8.count)
        let document = text.withCString { bytes in xmlCtxtReadMemory(context, bytes, length, nil, "UTF-8", options) }
        guard let document else { throw unparsable(what, reason(context)) }
        return document
    }

    static func unparsable(_ what: String, _ reason: String) -> LibvirtAdapterError {
        LibvirtAdapterError(LocalizedMessage("adapter.xml.unparsable", ["what": what, "reason": reason]))
    }


    /// libxml2's reason stays in its own words, as libvirt's messages do.
    private static func reason(_ context: xmlParserCtxtPtr) -> String {
        let error = context.pointee.lastError
        guard error.code != 0, let message = error.message else { return "the document is empty or incomplete" }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return error.line > 0 ? "line \(error.line): \(text)" : text
    }

    private static func element<Element: XMLTreeElement>(_ node: xmlNodePtr, processNamespaces: Bool) -> Element {
        let local = string(node.pointee.name)
        let prefix = node.pointee.ns.flatMap { $0.pointee.prefix.map(string) }
        let qualified = prefix.map { "\($0):\(local)" } ?? local
        var attributes: [XMLAttribute] = []
        if !processNamespaces {
            var declaration = node.pointee.nsDef
            while let namespace = declaration {
                let name = namespace.pointee.prefix.map { "xmlns:\(string($0))" } ?? "xmlns"
                attributes.append((name, namespace.pointee.href.map(string) ?? ""))
                declaration = namespace.pointee.next
            }
        }
        var property = node.pointee.properties
        while let attribute = property {
            let name = string(attribute.pointee.name)
            let key = attribute.pointee.ns.flatMap { $0.pointee.prefix.map(string) }.map { "\($0):\(name)" } ?? name
            var value = ""
            appendText(of: attribute.pointee.children, to: &value)
            attributes.append((key, value))
            property = attribute.pointee.next
        }
        var result = if processNamespaces {
            Element(name: local, qualifiedName: qualified,
                    namespaceURI: node.pointee.ns.flatMap { $0.pointee.href.map(string) }.flatMap { $0.isEmpty ? nil : $0 },
                    attributes: attributes)
        } else {
            Element(name: qualified, qualifiedName: nil, namespaceURI: nil, attributes: attributes)
        }
        appendContent(of: node.pointee.children, to: &result, processNamespaces: processNamespaces)
        return result
    }

    /// Child elements and character data in document order; comments and processing instructions
    /// are not content (XMLParser's delegate never received them either).
    private static func appendContent<Element: XMLTreeElement>(of first: xmlNodePtr?, to element: inout Element, processNamespaces: Bool) {
        var child = first
        while let node = child {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                element.appendChild(self.element(node, processNamespaces: processNamespaces))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { element.appendText(string(content)) }
            case XML_ENTITY_REF_NODE:
                // An entity the document's own DTD declares: the reference's child is the declaration,
                // whose children are the replacement, as XMLParser gave it. (The declaration's siblings
                // are the DTD's other declarations: not walked.)
                appendContent(of: node.pointee.children?.pointee.children, to: &element, processNamespaces: processNamespaces)
            default:
                break
            }
            child = node.pointee.next
        }
    }

    /// An attribute's value: its text nodes (and any declared entity's text) joined.
    static func appendText(of first: xmlNodePtr?, to value: inout String) {
        var child = first
        while let node = child {
            switch node.pointee.type {
            case XML_TEXT_NODE: if let content = node.pointee.content { value += string(content) }
            case XML_ENTITY_REF_NODE: appendText(of: node.pointee.children?.pointee.children, to: &value)
            default: break
            }
            child = node.pointee.next
        }
    }

    static func string(_ characters: UnsafePointer<xmlChar>) -> String {
        String(cString: characters)
    }
}
