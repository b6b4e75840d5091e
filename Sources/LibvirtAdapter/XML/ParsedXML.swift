/// An XML document from libvirt, read with libxml2 into a `ParsedDocument`.
struct ParsedXML {
    let root: ParsedElement

    init(_ text: String, what: String) throws {
        root = ParsedElement(0, in: try ParsedDocument(text, what: what))
    }
}
