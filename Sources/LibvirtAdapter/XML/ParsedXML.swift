import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document from libvirt, read with FoundationXML's event parser into a value tree.
///
/// Not `XMLDocument`: on Linux its node objects retain themselves and are never freed, so every
/// document `observe` read stayed in memory until the process exited.
struct ParsedXML {
    let root: ParsedElement

    init(_ text: String, what: String) throws {
        let builder = ParsedXMLBuilder()
        let parser = XMLParser(data: Data(text.utf8))
        // Namespace processing gives every element its namespace URI, so reconcile's metadata is found
        // by namespace whatever prefix libvirt kept.
        parser.shouldProcessNamespaces = true
        parser.delegate = builder
        let parsed = parser.parse()
        guard parsed, builder.isComplete, let root = builder.root else {
            let reason = parser.parserError.map { "\($0)" } ?? "the document is incomplete or has no root element"
            throw LibvirtAdapterError("cannot parse \(what) XML from libvirt: \(reason)")
        }
        self.root = root
    }
}
