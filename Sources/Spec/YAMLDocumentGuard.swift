import Yams

/// Checks the YAML node graph of each document before anything converts it: aliases may expand only
/// under a small budget (a "billion laughs" file of 1.5 KB otherwise becomes gigabytes), an alias
/// may only name an anchor of its own document (YAML 1.2, 3.2.2.2; the parser keeps anchors
/// across `---`), and no key or value may hold a control character.
///
/// The parser resolves an alias to the very node its anchor names, so an anchored node met a second
/// time while walking is an alias; its location is that of the anchor, and errors point at the
/// field holding the alias instead.
final class YAMLDocumentGuard {
    /// Nodes that aliases may add to one document. Real manifests reuse a list of a few commands.
    static let aliasBudget = 10_000
    /// Deeper than any manifest needs; stops a walk of pathological nesting early.
    static let maximumDepth = 64

    private struct AnchorKey: Hashable {
        var name: String
        var line: Int
        var column: Int
    }

    private let file: String
    /// The document each anchored node was first met in.
    private var anchorDocuments: [AnchorKey: Int] = [:]
    private var document = 0
    private var expanded = 0
    private var stopped = false
    private var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// The problems of the next document of the file; `usable` is false when converting the
    /// document would be unsafe (its aliases exceed the budget or cross documents).
    func check(_ root: Node) -> (diagnostics: [Diagnostic], usable: Bool) {
        document += 1
        expanded = 0
        stopped = false
        diagnostics = []
        walk(root, path: "", at: root.location(in: file), insideAlias: false, depth: 0)
        return (diagnostics, !stopped)
    }

    private func walk(_ node: Node, path: String, at fieldLocation: SourceLocation, insideAlias: Bool, depth: Int) {
        guard !stopped else { return }
        var insideAlias = insideAlias
        if let anchor = node.anchor, let mark = node.mark {
            let key = AnchorKey(name: anchor.rawValue, line: mark.line, column: mark.column)
            if let owner = anchorDocuments[key] {
                guard owner == document else {
                    stop(fieldLocation, path, "the alias *\(anchor.rawValue) names an anchor of another document (line \(mark.line)); anchors belong to the document that defines them, so repeat &\(anchor.rawValue) in this one")
                    return
                }
                insideAlias = true
            } else {
                anchorDocuments[key] = document
            }
        }
        if insideAlias {
            expanded += 1
            if expanded > Self.aliasBudget {
                stop(fieldLocation, path, "YAML aliases here expand to more than \(Self.aliasBudget) nodes; write the data out instead of nesting aliases")
                return
            }
        }
        guard depth <= Self.maximumDepth else {
            stop(fieldLocation, path, "nested more than \(Self.maximumDepth) levels deep")
            return
        }
        switch node {
        case .scalar(let scalar):
            // A node reached through an alias was checked where its anchor is.
            if !insideAlias, let problem = UnsafeCharacters.problem(in: scalar.string, multiline: true) {
                report(node.location(in: file), path, problem)
            }
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.string ?? key.kindDescription
                // Inside an alias, errors name the field that uses it: the copy has no place of its own.
                let childPath = insideAlias ? path : path.isEmpty ? name : "\(path).\(name)"
                if case .scalar = key {
                    walk(key, path: childPath, at: key.location(in: file), insideAlias: insideAlias, depth: depth + 1)
                } else {
                    report(key.location(in: file), childPath, "keys must be plain strings, not \(key.kindDescription)")
                }
                // A value's own position is its anchor's when it is an alias; its key's is where it is used.
                walk(value, path: childPath, at: insideAlias ? fieldLocation : key.location(in: file),
                     insideAlias: insideAlias, depth: depth + 1)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                let itemLocation = insideAlias || item.anchor != nil ? fieldLocation : item.location(in: file)
                walk(item, path: insideAlias ? path : "\(path)[\(index)]", at: itemLocation, insideAlias: insideAlias, depth: depth + 1)
            }
        case .alias(let alias):
            report(alias.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? fieldLocation, path,
                   "unresolved alias *\(alias.anchor.rawValue)")
        }
    }

    private func report(_ location: SourceLocation, _ path: String, _ message: String) {
        let shown = path.isEmpty ? "document" : path
        diagnostics.append(Diagnostic(location, field: path.isEmpty ? nil : path, "\(shown): \(message)"))
    }

    private func stop(_ location: SourceLocation, _ path: String, _ message: String) {
        report(location, path, message)
        stopped = true
    }
}
