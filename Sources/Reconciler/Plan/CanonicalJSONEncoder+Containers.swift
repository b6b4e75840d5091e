extension CanonicalJSONEncoder {
    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: CanonicalJSONEncoder
        let members: CanonicalJSONNode.Members
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { members.nodes.append((key.stringValue, .literal("null"))) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { members.nodes.append((key.stringValue, .literal(value ? "true" : "false"))) }
        mutating func encode(_ value: String, forKey key: Key) throws { members.nodes.append((key.stringValue, .string(value))) }
        mutating func encode(_ value: Int, forKey key: Key) throws { members.nodes.append((key.stringValue, .signed(Int64(value)))) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { members.nodes.append((key.stringValue, .signed(Int64(value)))) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { members.nodes.append((key.stringValue, .signed(Int64(value)))) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { members.nodes.append((key.stringValue, .signed(Int64(value)))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { members.nodes.append((key.stringValue, .signed(Int64(value)))) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { members.nodes.append((key.stringValue, .unsigned(UInt64(value)))) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { members.nodes.append((key.stringValue, .unsigned(UInt64(value)))) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { members.nodes.append((key.stringValue, .unsigned(UInt64(value)))) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { members.nodes.append((key.stringValue, .unsigned(UInt64(value)))) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { members.nodes.append((key.stringValue, .unsigned(UInt64(value)))) }
        mutating func encode(_ value: Double, forKey key: Key) throws { encoder.outcome.unsupported = true }
        mutating func encode(_ value: Float, forKey key: Key) throws { encoder.outcome.unsupported = true }

        mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
            members.nodes.append((key.stringValue, try encoder.node(for: value)))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = CanonicalJSONNode.Members()
            members.nodes.append((key.stringValue, .object(nested)))
            let child = CanonicalJSONEncoder(outcome: encoder.outcome)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: child, members: nested))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = CanonicalJSONNode.Items()
            members.nodes.append((key.stringValue, .array(nested)))
            return UnkeyedContainer(encoder: CanonicalJSONEncoder(outcome: encoder.outcome), items: nested)
        }

        mutating func superEncoder() -> any Encoder { unsupportedEncoder() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { unsupportedEncoder() }

        private func unsupportedEncoder() -> any Encoder {
            encoder.outcome.unsupported = true
            return CanonicalJSONEncoder(outcome: encoder.outcome)
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: CanonicalJSONEncoder
        let items: CanonicalJSONNode.Items
        var codingPath: [any CodingKey] { [] }
        var count: Int { items.nodes.count }

        mutating func encodeNil() throws { items.nodes.append(.literal("null")) }
        mutating func encode(_ value: Bool) throws { items.nodes.append(.literal(value ? "true" : "false")) }
        mutating func encode(_ value: String) throws { items.nodes.append(.string(value)) }
        mutating func encode(_ value: Int) throws { items.nodes.append(.signed(Int64(value))) }
        mutating func encode(_ value: Int64) throws { items.nodes.append(.signed(Int64(value))) }
        mutating func encode(_ value: UInt64) throws { items.nodes.append(.unsigned(UInt64(value))) }
        mutating func encode(_ value: Double) throws { encoder.outcome.unsupported = true }
        mutating func encode(_ value: Float) throws { encoder.outcome.unsupported = true }

        mutating func encode<Value: Encodable>(_ value: Value) throws {
            items.nodes.append(try encoder.node(for: value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = CanonicalJSONNode.Members()
            items.nodes.append(.object(nested))
            let child = CanonicalJSONEncoder(outcome: encoder.outcome)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: child, members: nested))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = CanonicalJSONNode.Items()
            items.nodes.append(.array(nested))
            return UnkeyedContainer(encoder: CanonicalJSONEncoder(outcome: encoder.outcome), items: nested)
        }

        mutating func superEncoder() -> any Encoder {
            encoder.outcome.unsupported = true
            return CanonicalJSONEncoder(outcome: encoder.outcome)
        }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let encoder: CanonicalJSONEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { encoder.set(.literal("null")) }
        mutating func encode(_ value: Bool) throws { encoder.set(.literal(value ? "true" : "false")) }
        mutating func encode(_ value: String) throws { encoder.set(.string(value)) }
        mutating func encode(_ value: Int) throws { encoder.set(.signed(Int64(value))) }
        mutating func encode(_ value: Int8) throws { encoder.set(.signed(Int64(value))) }
        mutating func encode(_ value: Int16) throws { encoder.set(.signed(Int64(value))) }
        mutating func encode(_ value: Int32) throws { encoder.set(.signed(Int64(value))) }
        mutating func encode(_ value: Int64) throws { encoder.set(.signed(Int64(value))) }
        mutating func encode(_ value: UInt) throws { encoder.set(.unsigned(UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { encoder.set(.unsigned(UInt64(value))) }
        mutating func encode(_ value: UInt16) throws { encoder.set(.unsigned(UInt64(value))) }
        mutating func encode(_ value: UInt32) throws { encoder.set(.unsigned(UInt64(value))) }
        mutating func encode(_ value: UInt64) throws { encoder.set(.unsigned(UInt64(value))) }
        mutating func encode(_ value: Double) throws { encoder.outcome.unsupported = true }
        mutating func encode(_ value: Float) throws { encoder.outcome.unsupported = true }

        mutating func encode<Value: Encodable>(_ value: Value) throws {
            encoder.set(try encoder.node(for: value))
        }
    }
}
