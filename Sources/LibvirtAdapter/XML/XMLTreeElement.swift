import Foundation
#if canImport(FoundationXML)
import FoundationXML
import Localization
#endif

/// An element value `XMLTreeBuilder` can build a document's tree of: the read-only `ParsedElement`
/// and the editable `EditableXMLElement` share one parser delegate and differ only in what they keep.
protocol XMLTreeElement {
    /// An element as `XMLParser` reports its start: with namespace processing on, `name` is the local
    /// name and `namespaceURI` is set; off, `name` is as written and `xmlns:…` are plain attributes.
    init(name: String, qualifiedName: String?, namespaceURI: String?, attributes: [String: String])
    mutating func appendChild(_ child: Self)
    mutating func appendText(_ text: String)
}

extension XMLTreeElement {
    /// The root element of `text`, a document libvirt returned (`what` names it in errors).
    static func parseTree(_ text: String, what: String, processNamespaces: Bool) throws -> Self {
        let builder = XMLTreeBuilder<Self>()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = processNamespaces
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = builder
        let parsed = parser.parse()
        guard parsed, builder.isComplete, let root = builder.root else {
            let reason = parser.parserError.map { "\($0)" } ?? "the document is incomplete or has no root element"
            throw LibvirtAdapterError(LocalizedMessage("adapter.xml.unparsable", ["what": what, "reason": reason]))
        }
        return root
    }
}
