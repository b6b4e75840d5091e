import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

extension EditableXMLElement {
    /// Reads the root element of a document libvirt returned.
    init(parsing text: String, what: String) throws {
        let builder = EditableXMLBuilder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = builder
        let parsed = parser.parse()
        guard parsed, builder.isComplete, let root = builder.root else {
            let reason = parser.parserError.map { "\($0)" } ?? "the document is incomplete or has no root element"
            throw LibvirtAdapterError("cannot parse \(what) XML: \(reason)")
        }
        self = root
    }
}
