import Localization

/// Reads one YAML mapping field by field, recording each field's position and reporting wrong types
/// and unknown keys with the file, line and column a user needs to fix them.
final class FieldReader {
    let context: DocumentContext
    let path: String
    let location: SourceLocation
    /// The mapping's keys and values, in document order.
    private let pairs: [(key: YAMLNode, value: YAMLNode)]
    /// Each pair's key where it is a string (`YAMLNode.Scalar.isString`), nil for any other key.
    private let keys: [String?]
    /// Each string key's pair, for a mapping of more than `YAMLNode.Mapping.walkedKeys` keys only
    /// (labels are read key by key).
    private let keyIndex: [String: Int]?
    /// Which pairs a read found.
    private var found: [Bool]
    /// Every key a read asked for, repeats included: appended without hashing, and searched only
    /// for a key no read found, which a valid manifest has none of.
    private var askedKeys: [String] = []

    init(context: DocumentContext, path: String, pairs: [(key: YAMLNode, value: YAMLNode)], location: SourceLocation) {
        self.context = context
        self.path = path
        self.pairs = pairs
        self.keys = pairs.map { key, _ in
            guard case .scalar(let scalar) = key, scalar.isString else { return nil }
            return scalar.string
        }
        self.keyIndex = pairs.count > YAMLNode.Mapping.walkedKeys ? Self.index(of: keys) : nil
        self.found = Array(repeating: false, count: pairs.count)
        self.location = location
        askedKeys.reserveCapacity(16)
    }

    /// Where each string key's value is. Of equal keys the last one wins, as in Yams' `Node.Mapping`
    /// (`mapping[key]`), whose lookup reconcile's readers replaced.
    private static func index(of keys: [String?]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() {
            if let key { index[key] = position }
        }
        return index
    }

    /// The position of `key`'s pair: the last one of equal keys.
    private func position(of key: String) -> Int? {
        if let keyIndex { return keyIndex[key] }
        return keys.lastIndex { $0 == key }
    }

    /// Whether the mapping has `key`, without marking it as read.
    private func has(_ key: String) -> Bool {
        position(of: key) != nil
    }

    /// A reader for a node that must be a mapping; reports and returns nil otherwise.
    static func mapping(_ node: YAMLNode, context: DocumentContext, path: String) -> FieldReader? {
        let location = node.location(in: context.file)
        guard case .mapping(let mapping) = node else {
            if path.isEmpty {
                context.error(location, field: nil, DiagnosticText(LocalizedMessage("spec.documentNotMapping"),
                                                                   nested: ["kind": node.kindDescription]))
            } else {
                context.error(location, field: path, .field(path, DiagnosticText(LocalizedMessage("spec.expectedMapping"),
                                                                                 nested: ["kind": node.kindDescription])))
            }
            return nil
        }
        return FieldReader(context: context, path: path, pairs: mapping.pairs, location: location)
    }

    /// Every string key with its position, in document order, for mappings whose keys are data (labels).
    var entries: [(key: String, location: SourceLocation)] {
        pairs.compactMap { key, _ in
            guard case .scalar(let scalar) = key else { return nil }
            return (scalar.string, key.location(in: context.file))
        }
    }

    func fieldPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The raw node for `key`, marking it as known.
    func node(_ key: String) -> YAMLNode? {
        askedKeys.append(key)
        guard let position = position(of: key) else { return nil }
        found[position] = true
        return pairs[position].value
    }

    /// Where a field that was read is written; the mapping's own position for any other key.
    func locationOf(_ key: String) -> SourceLocation {
        guard let position = position(of: key), found[position] else { return location }
        return pairs[position].value.location(in: context.file)
    }

    func error(_ key: String, _ message: DiagnosticText) {
        context.error(locationOf(key), field: fieldPath(key), .field(fieldPath(key), message))
    }

    func error(_ key: String, _ message: LocalizedMessage) {
        error(key, DiagnosticText(message))
    }

    /// `hint` says what to write (`for example 24`), in the reader's language.
    func missing(_ key: String, hint: LocalizedMessage? = nil) {
        let message = hint.map { DiagnosticText(LocalizedMessage("spec.requiredFieldMissingHint"), nested: ["hint": $0]) }
            ?? DiagnosticText(LocalizedMessage("spec.requiredFieldMissing"))
        context.error(location, field: fieldPath(key), .field(fieldPath(key), message))
    }

    // MARK: scalars

    /// A string field. Only `multiline` fields (scripts, file contents) may hold line breaks and tabs;
    /// in any other a line break could start a second command or config line where it is used.
    func string(_ key: String, multiline: Bool = false) -> String? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            error(key, DiagnosticText(LocalizedMessage("spec.expectedString"), nested: ["kind": node.kindDescription]))
            return nil
        }
        if scalar.isNull {
            return nil
        }
        if !multiline, let problem = Self.lineProblem(scalar.string) {
            error(key, problem)
            return nil
        }
        return scalar.string
    }

    /// Line breaks and tabs; other control characters are refused for every value by `YAMLEventScanner`.
    static func lineProblem(_ text: String) -> LocalizedMessage? {
        // Bytes, not Characters: a line feed or tab is a Character of its own (or ends "\r\n"), so
        // this finds what a walk through the Characters found, without breaking the text into them.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }) else { return nil }
        return UnsafeCharacters.problem(in: text, multiline: false)
    }

    func requiredString(_ key: String, hint: LocalizedMessage? = nil, multiline: Bool = false) -> String? {
        let present = has(key)
        let reported = context.diagnostics.count
        let value = string(key, multiline: multiline)
        if value == nil && !present { missing(key, hint: hint) }
        // Empty, unless reading it already said what is wrong.
        if value == nil && present && context.diagnostics.count == reported { error(key, LocalizedMessage("spec.mustNotBeEmpty")) }
        return value
    }

    func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let node = node(key) else { return defaultValue }
        guard case .scalar(let scalar) = node, scalar.style == .plain,
              let value = Self.boolValue(scalar.string)
        else {
            error(key, DiagnosticText(LocalizedMessage("spec.expectedBool"), nested: ["value": node.valueDescription]))
            return defaultValue
        }
        return value
    }

    /// YAML 1.1's words for true and false, in any case.
    static func boolValue(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes": true
        case "false", "no": false
        default: nil
        }
    }

    func int(_ key: String) -> Int? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
            error(key, DiagnosticText(LocalizedMessage("spec.expectedInteger"), nested: ["value": node.valueDescription]))
            return nil
        }
        return value
    }

    func positiveInt(_ key: String, default defaultValue: Int?) -> Int? {
        guard has(key) else { _ = node(key); return defaultValue }
        guard let value = int(key) else { return defaultValue }
        guard value > 0 else {
            error(key, LocalizedMessage("spec.mustBePositive", ["value": String(value)]))
            return defaultValue
        }
        return value
    }

    func size(_ key: String) -> ByteSize? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            error(key, DiagnosticText(LocalizedMessage("spec.expectedSize"), nested: ["kind": node.kindDescription]))
            return nil
        }
        do {
            return try ByteSize(parsing: scalar.string)
        } catch {
            self.error(key, error.message)
            return nil
        }
    }

    func choice<Value: RawRepresentable & CaseIterable>(_ key: String, default defaultValue: Value?) -> Value?
    where Value.RawValue == String {
        guard has(key) else { _ = node(key); return defaultValue }
        guard let raw = string(key) else { return defaultValue }
        if let value = Value(rawValue: raw) { return value }
        let options = Value.allCases.map(\.rawValue)
        error(key, DiagnosticText(LocalizedMessage("spec.notOneOf", ["value": raw, "options": options.joined(separator: ", ")]))
            + Suggestion.didYouMean(raw, among: options))
        return defaultValue
    }

    // MARK: collections

    func mappingReader(_ key: String) -> FieldReader? {
        guard let node = node(key) else { return nil }
        return FieldReader.mapping(node, context: context, path: fieldPath(key))
    }

    /// The items of a sequence field, each with its own path (`spec.disks[0]`).
    func sequence(_ key: String) -> [(node: YAMLNode, path: String)] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            error(key, DiagnosticText(LocalizedMessage("spec.expectedList"), nested: ["kind": node.kindDescription]))
            return []
        }
        return sequence.items.enumerated().map { index, item in
            (item, "\(fieldPath(key))[\(index)]")
        }
    }

    func stringList(_ key: String, multiline: Bool = false) -> [String] {
        stringItems(key, multiline: multiline).map(\.value)
    }

    /// The string items of a list field, each with its path and position for errors about it.
    func stringItems(_ key: String, multiline: Bool = false) -> [(value: String, path: String, location: SourceLocation)] {
        sequence(key).compactMap { item in
            let location = item.node.location(in: context.file)
            guard case .scalar(let scalar) = item.node else {
                context.error(location, field: item.path, .field(item.path, DiagnosticText(
                    LocalizedMessage("spec.expectedString"), nested: ["kind": item.node.kindDescription])))
                return nil
            }
            if !multiline, let problem = Self.lineProblem(scalar.string) {
                context.error(location, field: item.path, .field(item.path, DiagnosticText(problem)))
                return nil
            }
            return (scalar.string, item.path, location)
        }
    }

    /// Reports a problem with one item of a list field, at the item.
    func itemError(_ item: (value: String, path: String, location: SourceLocation), _ message: DiagnosticText) {
        context.error(item.location, field: item.path, .field(item.path, message))
    }

    func itemError(_ item: (value: String, path: String, location: SourceLocation), _ message: LocalizedMessage) {
        itemError(item, DiagnosticText(message))
    }

    /// A message worded by its caller, the same in every language.
    func itemError(_ item: (value: String, path: String, location: SourceLocation), _ message: String) {
        itemError(item, LocalizedText.verbatim(message))
    }

    /// Reports every key that no read asked for, suggesting the closest known one.
    func rejectUnknownKeys() {
        if context.recordsAcceptedKeys { context.accept(Set(askedKeys), at: path) }
        // Built at the first key no read found, which a valid manifest has none of.
        var asked: Set<String>?
        for (position, (keyNode, _)) in pairs.enumerated() where !found[position] {
            guard let key = keyNode.string else { continue }
            let known = asked ?? Set(askedKeys)
            asked = known
            // A key that is not a string, or the first of two equal ones, is still known if a read
            // asked for its text.
            if known.contains(key) { continue }
            let suggestion = Suggestion.didYouMean(key, among: known.sorted())
            context.error(keyNode.location(in: context.file), field: fieldPath(key),
                          .field(fieldPath(key), DiagnosticText(LocalizedMessage("spec.unknownField", ["key": key])) + suggestion))
        }
    }
}
