extension ManifestLoader {
    /// The keys the readers accept in each mapping of one document, by path (`spec.disks[]`), whether
    /// or not the document is valid: a reader knows its keys before it checks their values.
    func acceptedKeys(ofDocument text: String) -> [String: Set<String>] {
        guard let node = YAMLEventScanner(file: "<catalog>").scan(text).documents.first else { return [:] }
        let context = DocumentContext(file: "<catalog>", recordsAcceptedKeys: true)
        var set = ManifestSet()
        readDocument(node, context: context, into: &set)
        return context.acceptedKeys
    }
}
