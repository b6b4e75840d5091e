import Localization

extension YAMLNode {
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// The position of this node and of every node below it, by dotted path from `path`
    /// (`spec.ipv4.dhcp.start`, `spec.disks[0].size`); keys that are not strings are skipped.
    func locations(path: String, in file: String) -> [String: SourceLocation] {
        var found: [String: SourceLocation] = [:]
        found.reserveCapacity(nodeCount)
        collectLocations(path: path, in: file, into: &found)
        return found
    }

    /// This node and every node below it.
    private var nodeCount: Int {
        switch self {
        case .mapping(let mapping): 1 + mapping.pairs.reduce(0) { $0 + $1.value.nodeCount }
        case .sequence(let sequence): 1 + sequence.items.reduce(0) { $0 + $1.nodeCount }
        case .scalar: 1
        }
    }

    /// Depth first, parents before children: of two nodes with one path (a key written twice) the
    /// first one met keeps it.
    private func collectLocations(path: String, in file: String, into found: inout [String: SourceLocation]) {
        if found[path] == nil { found[path] = location(in: file) }
        switch self {
        case .mapping(let mapping):
            for (key, value) in mapping.pairs {
                guard let name = key.string else { continue }
                value.collectLocations(path: path.isEmpty ? name : path + "." + name, in: file, into: &found)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.items.enumerated() {
                item.collectLocations(path: "\(path)[\(index)]", in: file, into: &found)
            }
        case .scalar:
            break
        }
    }

    var kindDescription: LocalizedMessage {
        switch self {
        case .scalar: LocalizedMessage("spec.nodeScalar")
        case .mapping: LocalizedMessage("spec.nodeMapping")
        case .sequence: LocalizedMessage("spec.nodeList")
        }
    }

    var valueDescription: LocalizedMessage {
        if case .scalar(let scalar) = self { return LocalizedMessage.verbatim("'\(scalar.string)'") }
        return kindDescription
    }

    /// A document with nothing in it: what YAML reads for a trailing `---` or a file of comments.
    var isEmptyDocument: Bool {
        guard case .scalar(let scalar) = self else { return false }
        return scalar.isNull
    }
}
