import Foundation
@testable import LibvirtAdapter

/// XML in a form two definitions can be compared in: whitespace-only text dropped, attributes sorted,
/// one element per line. Comparing these strings compares every element, attribute, text and namespace.
enum CanonicalXML {
    static func of(_ text: String) throws -> String {
        of(try EditableXMLElement(parsing: text, what: "test"))
    }

    static func of(_ element: EditableXMLElement, depth: Int = 0) -> String {
        let pad = String(repeating: " ", count: depth)
        let attributes = element.attributes.sorted { $0.name < $1.name }.map { " \($0.name)=\"\($0.value)\"" }.joined()
        var lines = ["\(pad)<\(element.name)\(attributes)>"]
        for node in element.content {
            switch node {
            case .element(let child): lines.append(of(child, depth: depth + 1))
            case .text(let text):
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { lines.append("\(pad) \"\(trimmed)\"") }
            }
        }
        return lines.joined(separator: "\n")
    }
}
