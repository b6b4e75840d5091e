import CYaml
import Localization
import Yams

/// Reads a file's YAML events once, checking them as it builds each document's `YAMLNode` tree.
/// Hostile YAML bites where a tree is walked: an alias expands to its anchor's whole node, so a
/// "billion laughs" file of 1.5 KB would take minutes and gigabytes to read field by field.
///
/// The scan counts the nodes aliases add to each document and stops at a small budget, refuses an
/// alias naming an anchor of another document (anchors belong to one document, YAML 1.2 §3.2.2.2;
/// the parser would resolve it anyway), and refuses control characters in every key and value.
/// Each error carries the event's own line and column and the path of the field it belongs to.
/// Syntax errors, keys written twice and undefined aliases are left to Yams' composer, which words
/// them with their position (`needsComposer`): LibYAML's error state is read there, not twice.
struct YAMLEventScanner {
    /// Nodes that aliases may add to one document. Real manifests reuse a list of a few commands.
    static let aliasBudget = 10_000

    struct Result {
        var diagnostics: [Diagnostic] = []
        /// The first document (counted from 0) whose aliases exceed the budget: the parser must
        /// not compose it, nor anything after it.
        var firstExplosive: Int?
        /// Documents not to read: their aliases cross documents.
        var refused: Set<Int> = []
        /// Scalar keys written twice in one mapping. The parser reports a duplicate at the first
        /// key; these let the error point at the second, the one to remove or rename.
        var duplicateKeys: [DuplicateKey] = []
        /// Each complete document's tree, in order, up to the first explosive one.
        var documents: [YAMLNode] = []
        /// Something Yams' composer must word, if it is an error: LibYAML stopped at a syntax error,
        /// a key was written twice (or is a collection or alias, which may equal another), or an alias
        /// names no anchor before it.
        var needsComposer = false
    }

    struct DuplicateKey {
        var key: String
        var path: String
        var first: SourceLocation
        var duplicate: SourceLocation
    }

    private struct Collection {
        var isMapping: Bool
        var anchor: String?
        var path: String
        var size = 1
        var index = 0
        var expectingKey = true
        var key = ""
        /// Where each scalar key of a mapping was first written, in order while the mapping is small.
        var firstKeys: [(key: String, mark: YAMLNode.Mark)] = []
        /// The same by key, once the mapping has more than `YAMLNode.Mapping.walkedKeys` keys.
        var keyMarks: [String: YAMLNode.Mark]?
        /// The tree being built: a sequence's items, or a mapping's keys and values in turn.
        var nodes: [YAMLNode] = []
        var tag: String?
        var mark: YAMLNode.Mark

        /// Where an equal key was written before in this mapping; nil after recording `key` as the first.
        mutating func earlierMark(of key: String, at mark: YAMLNode.Mark) -> YAMLNode.Mark? {
            if let earlier = keyMarks?[key] ?? firstKeys.first(where: { $0.key == key })?.mark { return earlier }
            if keyMarks != nil {
                keyMarks?[key] = mark
            } else if firstKeys.count < YAMLNode.Mapping.walkedKeys {
                firstKeys.append((key, mark))
            } else {
                keyMarks = Dictionary(firstKeys.map { ($0.key, $0.mark) }, uniquingKeysWith: { first, _ in first })
                keyMarks?[key] = mark
                firstKeys = []
            }
            return nil
        }

        /// Counts a finished child and moves on to the next key, value or item.
        mutating func advance(size childSize: Int, keyName: String?) {
            size = min(size + childSize, YAMLEventScanner.aliasBudget + 1)
            if isMapping {
                if expectingKey { key = keyName ?? "?" }
                expectingKey.toggle()
            } else {
                index += 1
            }
        }
    }

    let file: String

    func scan(_ text: String) -> Result {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return Result() }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var state = State(file: file)
            var event = yaml_event_t()
            var ended = false
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                guard state.handle(&event) else {
                    ended = true
                    break
                }
            }
            if !ended || !state.result.duplicateKeys.isEmpty { state.result.needsComposer = true }
            return state.result
        }
    }

    private struct State {
        let file: String
        var result = Result()
        var document = -1
        /// Sizes of this document's anchors, capped just above the budget.
        var anchorSizes: [String: Int] = [:]
        var anchorLines: [String: Int] = [:]
        /// Anchors of earlier documents, with their lines, for the cross-document error.
        var earlierAnchors: [String: Int] = [:]
        var expanded = 0
        var stack: [Collection] = []
        /// This document's anchored nodes, for its aliases.
        var anchors: [String: YAMLNode] = [:]
        var root: YAMLNode?

        init(file: String) {
            self.file = file
        }

        /// Handles one event; false at the end of the stream.
        mutating func handle(_ event: inout yaml_event_t) -> Bool {
            let mark = YAMLNode.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            let location = SourceLocation(file: file, line: mark.line, column: mark.column)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return false
            case YAML_DOCUMENT_START_EVENT:
                document += 1
                earlierAnchors.merge(anchorLines) { _, new in new }
                anchorSizes = [:]
                anchorLines = [:]
                expanded = 0
                stack = []
                anchors = [:]
                root = nil
            case YAML_DOCUMENT_END_EVENT:
                if result.firstExplosive == nil, let root { result.documents.append(root) }
            case YAML_SCALAR_EVENT:
                let value = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
                if let problem = UnsafeCharacters.problem(in: value, multiline: true) {
                    report(location, childPath(keyName: value), problem)
                }
                let anchor = Self.string(event.data.scalar.anchor)
                let scalar = YAMLNode.scalar(YAMLNode.Scalar(
                    string: value,
                    tag: event.data.scalar.quoted_implicit == 1 ? Tag.Name.str.rawValue : Self.string(event.data.scalar.tag),
                    style: Node.Scalar.Style(rawValue: event.data.scalar.style.rawValue) ?? .any, mark: mark))
                if let anchor {
                    define(anchor, size: 1, at: location)
                    anchors[anchor] = scalar
                }
                noteKey(value, at: mark, location)
                add(scalar)
                finishChild(size: 1, keyName: value)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = Self.string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                let implicit = isMapping ? event.data.mapping_start.implicit : event.data.sequence_start.implicit
                let tag = implicit != 0 ? nil : Self.string(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag)
                if let anchor { anchorLines[anchor] = location.line }
                let path = childPath(keyName: nil)
                if isKeyPosition { result.needsComposer = true }
                stack.append(Collection(isMapping: isMapping, anchor: anchor, path: path, tag: tag, mark: mark))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = stack.popLast() else { break }
                if let anchor = closed.anchor { anchorSizes[anchor] = closed.size }
                let node = Self.node(closed)
                if let anchor = closed.anchor { anchors[anchor] = node }
                add(node)
                finishChild(size: closed.size, keyName: nil)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                let path = childPath(keyName: nil)
                if isKeyPosition { result.needsComposer = true }
                if let node = anchors[name] {
                    add(node)
                } else {
                    result.needsComposer = true
                    add(.scalar(YAMLNode.Scalar(string: "", style: .plain, mark: mark)))
                }
                if let size = anchorSizes[name] {
                    expanded = min(expanded + size, YAMLEventScanner.aliasBudget + 1)
                    if expanded > YAMLEventScanner.aliasBudget {
                        report(location, path, LocalizedMessage("spec.yamlAliasBudget", ["budget": String(YAMLEventScanner.aliasBudget), "name": name]))
                        if result.firstExplosive == nil { result.firstExplosive = document }
                        // Nothing later in the stream can make this document safe again.
                        skipToNextDocument()
                    }
                    finishChild(size: size, keyName: nil)
                } else {
                    if anchorLines[name] == nil, let line = earlierAnchors[name] {
                        report(location, path, LocalizedMessage("spec.yamlAliasOtherDocument", ["name": name, "line": String(line)]))
                        result.refused.insert(document)
                    }
                    // An undefined (or self-referencing) alias is a syntax error the parser reports.
                    finishChild(size: 1, keyName: nil)
                }
            default:
                break
            }
            return true
        }

        /// Whether the node starting now is a mapping's key.
        private var isKeyPosition: Bool {
            // Fields of the last collection, not a copy of all of it: this runs for every node.
            guard let top = stack.indices.last else { return false }
            return stack[top].isMapping && stack[top].expectingKey
        }

        /// Hangs a finished node on its parent, or makes it the document's root.
        private mutating func add(_ node: YAMLNode) {
            guard result.firstExplosive == nil else { return }
            if stack.isEmpty {
                root = node
            } else {
                stack[stack.count - 1].nodes.append(node)
            }
        }

        private static func node(_ collection: Collection) -> YAMLNode {
            guard collection.isMapping else {
                return .sequence(YAMLNode.Sequence(items: collection.nodes, tag: collection.tag, mark: collection.mark))
            }
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            pairs.reserveCapacity(collection.nodes.count / 2)
            var index = 0
            while index + 1 < collection.nodes.count {
                pairs.append((collection.nodes[index], collection.nodes[index + 1]))
                index += 2
            }
            return .mapping(YAMLNode.Mapping(pairs: pairs, tag: collection.tag, mark: collection.mark))
        }

        private mutating func define(_ anchor: String, size: Int, at location: SourceLocation) {
            anchorSizes[anchor] = size
            anchorLines[anchor] = location.line
        }

        /// The path of the node starting now: `spec.disks[0].name`.
        private func childPath(keyName: String?) -> String {
            guard let top = stack.indices.last else { return "" }
            let path = stack[top].path
            if stack[top].isMapping {
                let name = stack[top].expectingKey ? (keyName ?? "?") : stack[top].key
                return path.isEmpty ? name : "\(path).\(name)"
            }
            return "\(path)[\(stack[top].index)]"
        }

        /// Remembers a mapping key's position, and a key seen before in the same mapping.
        /// The path is built only for a duplicate: a scan meets every key of every manifest.
        private mutating func noteKey(_ key: String, at mark: YAMLNode.Mark, _ location: SourceLocation) {
            guard let top = stack.indices.last, stack[top].isMapping, stack[top].expectingKey else { return }
            if let first = stack[top].earlierMark(of: key, at: mark) {
                let firstLocation = SourceLocation(file: file, line: first.line, column: first.column)
                result.duplicateKeys.append(DuplicateKey(key: key, path: childPath(keyName: key), first: firstLocation, duplicate: location))
            }
        }

        /// Adds a finished node to its parent's size and moves the parent to its next key or item.
        private mutating func finishChild(size: Int, keyName: String?) {
            guard let top = stack.indices.last else { return }
            stack[top].advance(size: size, keyName: keyName)
        }

        private mutating func skipToNextDocument() {
            anchorSizes = [:]
            expanded = Int.min / 2
        }

        private mutating func report(_ location: SourceLocation, _ path: String, _ message: LocalizedMessage) {
            let text = path.isEmpty ? DiagnosticText(LocalizedMessage("spec.wholeDocumentPrefix")) + message : .field(path, DiagnosticText(message))
            result.diagnostics.append(Diagnostic(location, field: path.isEmpty ? nil : path, text))
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
