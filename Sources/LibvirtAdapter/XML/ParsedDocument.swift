import CLibXML2

/// libxml2's tree of one document libvirt returned, freed when the last `ParsedElement` of it is gone.
///
/// Not `XMLDocument`: on Linux its node objects retain themselves and are never freed. Not a tree of
/// Swift values either: building one copied every name, attribute and run of text of 1,000 domain
/// definitions into strings and arrays, to read a few dozen fields of each.
final class ParsedDocument: @unchecked Sendable {
    // Unchecked: the tree is never changed after parsing, and reading an unchanging libxml2 tree
    // touches no shared state.
    let root: xmlNodePtr
    private let document: xmlDocPtr

    init(_ text: String, what: String) throws {
        (document, root) = try XMLTreeReader.document(text, what: what, readOnly: true)
    }

    deinit {
        xmlFreeDoc(document)
    }
}
