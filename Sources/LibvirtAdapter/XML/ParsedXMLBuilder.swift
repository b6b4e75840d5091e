import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects `XMLParser` events into a `ParsedElement` tree.
final class ParsedXMLBuilder: NSObject, XMLParserDelegate {
    /// Elements whose end tag has not been seen yet, the innermost last.
    private var open: [ParsedElement] = []
    private(set) var root: ParsedElement?
    /// Set when a second top-level element or text outside the root shows up, which libxml would not allow.
    private(set) var malformed = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String]) {
        if open.isEmpty && root != nil { malformed = true }
        // With shouldProcessNamespaces, `elementName` is the local name and an element in no namespace
        // gets an empty URI; the qualified name keeps the prefix as written.
        open.append(ParsedElement(qualifiedName: qName ?? elementName, localName: elementName,
                                  namespaceURI: namespaceURI.flatMap { $0.isEmpty ? nil : $0 },
                                  attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let element = open.popLast() else {
            malformed = true
            return
        }
        guard !open.isEmpty else {
            root = element
            return
        }
        // The parent's string value includes its children's, in document order.
        open[open.count - 1].stringValue += element.stringValue
        open[open.count - 1].elements.append(element)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        append(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        append(String(decoding: CDATABlock, as: UTF8.self))
    }

    private func append(_ text: String) {
        // Whitespace around the root element is not content; anything else there is an error.
        guard !open.isEmpty else {
            if !text.allSatisfy(\.isWhitespace) { malformed = true }
            return
        }
        open[open.count - 1].stringValue += text
    }

    /// True when every element that was opened was closed again.
    var isComplete: Bool { open.isEmpty && root != nil && !malformed }
}
