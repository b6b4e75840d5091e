/// What a domain's disks point at, read from its XML: the check right before a volume is deleted.
///
/// A disk names a volume by path (`<source file=…>`, `<source dev=…>`) or by pool and name
/// (`<source pool=… volume=…>`); a running guest's live XML also lists each disk's backing chain
/// (`<backingStore><source file=…>`), so a clone's overlay keeps its base image from deletion.
enum DiskSourceXML {
    enum Reference: Hashable, Sendable {
        case path(String)
        case volume(pool: String, name: String)
    }

    static func references(inDomainXML text: String) throws -> Set<Reference> {
        let root = try ParsedXML(text, what: "domain").root
        var found: Set<Reference> = []
        for disk in root.child("devices")?.children("disk") ?? [] {
            var current: ParsedElement? = disk
            // The chain is short, but a malformed document must not loop for long.
            var depth = 0
            while let element = current, depth < 64 {
                if let source = element.child("source") {
                    if let path = source.attribute("file") ?? source.attribute("dev") { found.insert(.path(path)) }
                    if let pool = source.attribute("pool"), let name = source.attribute("volume") {
                        found.insert(.volume(pool: pool, name: name))
                    }
                }
                current = element.child("backingStore")
                depth += 1
            }
        }
        return found
    }
}
