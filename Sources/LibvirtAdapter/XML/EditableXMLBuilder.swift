import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects `XMLParser` events (namespace processing off) into an `EditableXMLElement` tree.
final class EditableXMLBuilder: NSObject, XMLParserDelegate {
    /// Elements whose end tag has not been seen yet, the innermost last.
    private var open: [EditableXMLElement] = []
    private(set) var root: EditableXMLElement?
    private(set) var malformed = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String]) {
        if open.isEmpty && root != nil { malformed = true }
        // Without namespace processing, `elementName` is the name as written and namespace declarations
        // arrive as ordinary `xmlns:…` attributes, so they are written back as they were.
        let attributes = attributeDict.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        open.append(EditableXMLElement(qName ?? elementName, attributes: attributes))
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
        open[open.count - 1].content.append(.element(element))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        append(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        append(String(decoding: CDATABlock, as: UTF8.self))
    }

    private func append(_ text: String) {
        guard !open.isEmpty else {
            if !text.allSatisfy(\.isWhitespace) { malformed = true }
            return
        }
        // The parser may report one run of text in pieces; keep it one node.
        if case .text(let previous) = open[open.count - 1].content.last {
            open[open.count - 1].content[open[open.count - 1].content.count - 1] = .text(previous + text)
        } else {
            open[open.count - 1].content.append(.text(text))
        }
    }

    var isComplete: Bool { open.isEmpty && root != nil && !malformed }
}
