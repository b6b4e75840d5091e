import Foundation

/// One document libvirt returned, as a compact tree of Swift arrays: every name, value and run of text
/// lies in one byte buffer, and becomes a string only when read (`ParsedElement`).
///
/// Not `XMLDocument`: on Linux its node objects retain themselves and are never freed. Not libxml2's
/// own tree either: it costs an allocation per element, attribute and run of text, and building and
/// freeing it took as long as the parse (a libvirt domain definition: 14 µs with the tree, 7 µs
/// without), on the threads that read 1,000 of them while libvirtd is busy sending them. What libvirt
/// writes is read by `ParsedDocument+Scanner` without libxml2; any other document is built from
/// libxml2's SAX2 events (`ParsedDocument+Events`), and one with a DTD, whose entities only libxml2's
/// tree resolves, through that tree (`ParsedDocument+Tree`).
final class ParsedDocument: Sendable {
    /// A run of bytes in `bytes`.
    struct Span: Sendable {
        var start: Int32
        var count: Int32
    }

    struct Node: Sendable {
        /// An element's qualified name as written (`reconcile:resource`); a text node's text.
        var name: Span
        /// The bytes of the prefix and its colon before the local name, 0 without a prefix.
        var localOffset: Int32 = 0
        /// The element's namespace URI; nil when it is in none (or the empty one).
        var namespace: Span?
        var isText = false
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
        var firstAttribute: Int32 = 0
        var attributeCount: Int32 = 0
    }

    struct Attribute: Sendable {
        /// The qualified name as written (`x:a`); namespace declarations are not attributes.
        var name: Span
        var value: Span
    }

    let bytes: [UInt8]
    /// Node 0 is the root element; children follow their parent, in document order.
    let nodes: [Node]
    let attributes: [Attribute]

    convenience init(_ text: String, what: String) throws {
        var builder: Builder
        if let scanned = Self.scan(text) {
            builder = scanned
        } else if let read = try Self.readEvents(of: text, what: what) {
            builder = read
        } else {
            builder = Builder()
            try Self.readTree(of: text, what: what, into: &builder)
        }
        guard !builder.nodes.isEmpty else {
            throw XMLTreeReader.unparsable(what, "the document has no root element")
        }
        self.init(built: builder)
    }

    init(built builder: Builder) {
        (bytes, nodes, attributes) = (builder.bytes, builder.nodes, builder.attributes)
    }

    func string(_ span: Span) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(span.start)..<Int(span.start + span.count)]), as: UTF8.self)
        }
    }

    /// Whether the bytes of `span` are `name`'s UTF-8.
    func spells(_ span: Span, _ name: String) -> Bool {
        var name = name
        return name.withUTF8 { expected in
            guard expected.count == Int(span.count) else { return false }
            // memcmp, not elementsEqual: a byte at a time through the generic iterator was most of
            // looking up a child or an attribute by name.
            return bytes.withUnsafeBufferPointer { buffer in
                guard let expected = expected.baseAddress, let stored = buffer.baseAddress else { return span.count == 0 }
                return memcmp(stored + Int(span.start), expected, Int(span.count)) == 0
            }
        }
    }
}
