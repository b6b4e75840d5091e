import Localization
import Yams

extension Node {
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// The position of this node and of every node below it, by dotted path from `path`
    /// (`spec.ipv4.dhcp.start`, `spec.disks[0].size`); keys that are not strings are skipped.
    func locations(path: String, in file: String) -> [String: SourceLocation] {
        var found = [path: location(in: file)]
        switch self {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                found.merge(value.locations(path: path.isEmpty ? name : "\(path).\(name)", in: file)) { first, _ in first }
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                found.merge(item.locations(path: "\(path)[\(index)]", in: file)) { first, _ in first }
            }
        case .scalar, .alias:
            break
        }
        return found
    }

    var kindDescription: LocalizedMessage {
        switch self {
        case .scalar: LocalizedMessage("spec.nodeScalar")
        case .mapping: LocalizedMessage("spec.nodeMapping")
        case .sequence: LocalizedMessage("spec.nodeList")
        case .alias: LocalizedMessage("spec.nodeAlias")
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
