import CLibXML2
import Foundation
import Localization

/// Reads a document libvirt returned with libxml2's own parser into libxml2's tree: walked once into an
/// `EditableXMLElement` to patch and write back, or into a `ParsedDocument` when it has a DTD.
/// FoundationXML's XMLParser (libxml2 underneath too) handed every element, attribute and run of text
/// to Swift through its delegate as bridged strings and dictionaries: reading 1,000 domain
/// definitions took longer than libvirtd took to send them.
enum XMLTreeReader {
    /// libxml2 sets up its global tables once per process, before the first parse on any thread.
    static let initialized: Void = xmlInitParser()

    /// The root element of `text` (`what` names the document in errors), names as written and
    /// namespace declarations as ordinary `xmlns`/`xmlns:…` attributes, so that they are written back
    /// as they were.
    static func editableRoot(of text: String, what: String) throws -> EditableXMLElement {
        let parsed = try document(text, what: what)
        defer { xmlFreeDoc(parsed.document) }
        return element(parsed.root)
    }

    /// libxml2's tree of `text` and its root element; the caller frees the tree with `xmlFreeDoc`. A
    /// `readOnly` tree leaves out whitespace between elements and must not be changed.
    static func document(_ text: String, what: String, readOnly: Bool = false) throws -> (document: xmlDocPtr, root: xmlNodePtr) {
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
        let document = text.withCString { bytes in read(bytes, of: text, with: context, options: options) }
        guard let document else { throw unparsable(what, reason(context)) }
        guard let root = xmlDocGetRootElement(document) else {
            xmlFreeDoc(document)
            throw unparsable(what, "the document has no root element")
        }
        return (document, root)
    }

    /// Parses `bytes`, the C string of `text`, with `context`'s handlers and `options`; the document
    /// libxml2 built when it is well formed, else nil with the error in `context`. The caller frees both.
    static func read(_ bytes: UnsafePointer<CChar>, of text: String, with context: xmlParserCtxtPtr, options: Int32) -> xmlDocPtr? {
        let length = text.utf8.count
        // Only a document that starts with an element, as libvirt writes them all. One with a
        // declaration (which may name an encoding), a byte order mark, or a NUL inside (where a C
        // string ends) goes through libxml2's memory reader, which converts and checks every byte.
        guard text.utf8.first == UInt8(ascii: "<"), encoding(of: text) == nil, strlen(bytes) == length, length <= Int(Int32.max) else {
            return xmlCtxtReadMemory(context, bytes, Int32(clamping: length), nil, encoding(of: text), options)
        }
        // Anything else is parsed where it lies. The memory reader copies it into a buffer and, near the
        // end, asks its empty source for more at nearly every element: a sixth of parsing a libvirt
        // domain definition. This is how libxml2 reads a string it is handed (xmlNewStringInputStream).
        xmlCtxtUseOptions(context, options)
        guard let input = xmlNewStringInputStream(context, UnsafeRawPointer(bytes).assumingMemoryBound(to: xmlChar.self)) else {
            return nil
        }
        guard inputPush(context, input) >= 0 else {
            xmlFreeInputStream(input)
            return nil
        }
        xmlParseDocument(context)
        let document = context.pointee.myDoc
        context.pointee.myDoc = nil
        if context.pointee.wellFormed == 0 {
            if let document { xmlFreeDoc(document) }
            return nil
        }
        return document
    }

    /// The encoding to name to libxml2: none for a document without an XML declaration (all libvirt
    /// writes), which libxml2 reads as UTF-8 anyway. Named, UTF-8 costs a conversion from UTF-8 to UTF-8
    /// of every byte, 15% of reading a domain definition; only a declaration could claim another
    /// encoding, and a Swift string is UTF-8 whatever it says.
    static func encoding(of text: String) -> String? {
        text.utf8.starts(with: "<?xml".utf8) ? "UTF-8" : nil
    }

    static func unparsable(_ what: String, _ reason: String) -> LibvirtAdapterError {
        LibvirtAdapterError(LocalizedMessage("adapter.xml.unparsable", ["what": what, "reason": reason]))
    }

    /// libxml2's reason stays in its own words, as libvirt's messages do.
    static func reason(_ context: xmlParserCtxtPtr) -> String {
        let error = context.pointee.lastError
        guard error.code != 0, let message = error.message else { return "the document is empty or incomplete" }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return error.line > 0 ? "line \(error.line): \(text)" : text
    }

    private static func element(_ node: xmlNodePtr) -> EditableXMLElement {
        var attributes: [XMLAttribute] = []
        var declaration = node.pointee.nsDef
        while let namespace = declaration {
            let name = namespace.pointee.prefix.map { "xmlns:\(string($0))" } ?? "xmlns"
            attributes.append((name, namespace.pointee.href.map(string) ?? ""))
            declaration = namespace.pointee.next
        }
        attributes += self.attributes(of: node)
        // Sorted, so the same document always writes back the same way.
        var result = EditableXMLElement(qualifiedName(node.pointee.name, node.pointee.ns), attributes: attributes.sorted { $0.name < $1.name })
        appendContent(of: node.pointee.children, to: &result)
        return result
    }

    /// Child elements and character data in document order; comments and processing instructions
    /// are not content (XMLParser's delegate never received them either).
    private static func appendContent(of first: xmlNodePtr?, to element: inout EditableXMLElement) {
        var child = first
        while let node = child {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                element.appendChild(self.element(node))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { element.appendText(string(content)) }
            case XML_ENTITY_REF_NODE:
                // An entity the document's own DTD declares: the reference's child is the declaration,
                // whose children are the replacement, as XMLParser gave it. (The declaration's siblings
                // are the DTD's other declarations: not walked.)
                appendContent(of: node.pointee.children?.pointee.children, to: &element)
            default:
                break
            }
            child = node.pointee.next
        }
    }

    /// `prefix:local` as written, or `local` for a name in no namespace or the default one.
    static func qualifiedName(_ local: UnsafePointer<xmlChar>, _ ns: xmlNsPtr?) -> String {
        guard let prefix = ns?.pointee.prefix else { return string(local) }
        return "\(string(prefix)):\(string(local))"
    }

    /// An element's attributes by qualified name, in document order (namespace declarations are not
    /// attributes in libxml2's tree).
    static func attributes(of node: xmlNodePtr) -> [XMLAttribute] {
        var found: [XMLAttribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            found.append((qualifiedName(attribute.pointee.name, attribute.pointee.ns), value(of: attribute)))
            property = attribute.pointee.next
        }
        return found
    }

    /// An attribute's value: its text, with the replacement of any entity the document declares.
    static func value(of attribute: xmlAttrPtr) -> String {
        var value = ""
        appendCharacterData(of: attribute.pointee.children, to: &value)
        return value
    }

    /// Text and CDATA below a node, through child elements and entities the document declares;
    /// comments and processing instructions are not character data.
    static func appendCharacterData(of first: xmlNodePtr?, to value: inout String) {
        var child = first
        while let node = child {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { value += string(content) }
            case XML_ELEMENT_NODE:
                appendCharacterData(of: node.pointee.children, to: &value)
            case XML_ENTITY_REF_NODE:
                // The reference's child is the entity's declaration; its children are the replacement.
                // (The declaration's siblings are the DTD's other declarations: not walked.)
                appendCharacterData(of: node.pointee.children?.pointee.children, to: &value)
            default:
                break
            }
            child = node.pointee.next
        }
    }

    static func string(_ characters: UnsafePointer<xmlChar>) -> String {
        String(cString: characters)
    }
}
