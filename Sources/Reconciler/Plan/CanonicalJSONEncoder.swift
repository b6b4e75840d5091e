import Foundation

/// The `Encoder` behind `CanonicalJSON`: one per value, sharing whether anything could not be written
/// as `JSONEncoder` writes it. Its coding path is always empty: the hashed types never read it, and
/// building one for every nested value cost as much as the rest of the encoding.
final class CanonicalJSONEncoder: Encoder {
    final class Outcome {
        var unsupported = false
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let outcome: Outcome
    private(set) var root: CanonicalJSONNode?

    init(outcome: Outcome = Outcome()) {
        self.outcome = outcome
    }

    var unsupported: Bool { outcome.unsupported }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Asked twice, one object, as JSONEncoder does.
        if case .object(let members)? = root {
            return KeyedEncodingContainer(KeyedContainer(encoder: self, members: members))
        }
        let members = CanonicalJSONNode.Members()
        root = .object(members)
        return KeyedEncodingContainer(KeyedContainer(encoder: self, members: members))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let items)? = root { return UnkeyedContainer(encoder: self, items: items) }
        let items = CanonicalJSONNode.Items()
        root = .array(items)
        return UnkeyedContainer(encoder: self, items: items)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }

    func set(_ node: CanonicalJSONNode) {
        root = node
    }

    /// Writes `value` as this encoder's root.
    func encodeValue<Value: Encodable>(_ value: Value) throws {
        root = try node(for: value)
    }

    /// The node for a value below this one; types JSONEncoder writes its own way are refused.
    func node<Value: Encodable>(for value: Value) throws -> CanonicalJSONNode {
        let type = Value.self
        // A type check, not a dynamic cast: most values here are strings in arrays.
        if type == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if type == Double.self || type == Float.self || type == Date.self || type == Data.self || type == URL.self
            || type == Decimal.self {
            outcome.unsupported = true
            return .literal("null")
        }
        let nested = CanonicalJSONEncoder(outcome: outcome)
        try value.encode(to: nested)
        guard let node = nested.root else {
            // JSONEncoder writes `{}` for a value that encodes nothing below the top.
            return .object(CanonicalJSONNode.Members())
        }
        return node
    }
}
