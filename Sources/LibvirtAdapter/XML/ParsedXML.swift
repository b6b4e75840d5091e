/// An XML document from libvirt, read with libxml2; its elements are read where they lie.
struct ParsedXML {
    let root: ParsedElement

    init(_ text: String, what: String) throws {
        let document = try ParsedDocument(text, what: what)
        root = ParsedElement(document.root, in: document)
    }
}
