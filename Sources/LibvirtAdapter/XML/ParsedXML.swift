/// An XML document from libvirt, read with libxml2 (XMLTreeReader) into a value tree.
///
/// Not `XMLDocument`: on Linux its node objects retain themselves and are never freed, so every
/// document `observe` read stayed in memory until the process exited.
struct ParsedXML {
    let root: ParsedElement

    init(_ text: String, what: String) throws {
        // Namespace processing gives every element its namespace URI, so reconcile's metadata is found
        // by namespace whatever prefix libvirt kept.
        root = try ParsedElement.parseTree(text, what: what, processNamespaces: true)
    }
}
