import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects `XMLParser` events into a tree of `Element` values.
final class XMLTreeBuilder<Element: XMLTreeElement>: NSObject, XMLParserDelegate {
    /// Elements whose end tag has not been seen yet, the innermost last.
    private var open: [Element] = []
    private(set) var root: Element?
    /// Set when a second top-level element or text outside the root shows up, which libxml would not allow.
    private(set) var malformed = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String]) {
        if open.isEmpty && root != nil { malformed = true }
        open.append(Element(name: elementName, qualifiedName: qName,
                            namespaceURI: namespaceURI.flatMap { $0.isEmpty ? nil : $0 }, attributes: attributeDict))
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
        open[open.count - 1].appendChild(element)
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
        open[open.count - 1].appendText(text)
    }

    /// True when every element that was opened was closed again.
    var isComplete: Bool { open.isEmpty && root != nil && !malformed }
}
