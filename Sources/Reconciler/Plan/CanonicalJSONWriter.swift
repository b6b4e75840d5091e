/// Writes canonical JSON (the bytes `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]`)
/// straight from a value's fields, for the types hashed once per VM in every plan: going through
/// `Encodable` builds a tree of boxed nodes and sorts every object's keys, which was most of planning
/// 1,000 VMs once the hosts had been read. Each writer names its keys in sorted order itself; debug
/// builds check that order, and the tests compare every writer with `JSONEncoder`.
struct CanonicalJSONWriter {
    private(set) var bytes: [UInt8] = []
    #if DEBUG
    private var lastKeys: [String] = []
    #endif

    init() {
        bytes.reserveCapacity(1024)
    }

    mutating func object(_ writeMembers: (inout CanonicalJSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        #if DEBUG
        lastKeys.append("")
        #endif
        writeMembers(&self)
        #if DEBUG
        lastKeys.removeLast()
        #endif
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ elements: [Element], _ writeElement: (inout CanonicalJSONWriter, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            writeElement(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Starts a member; keys are plain ASCII names, so they need no escaping.
    mutating func key(_ key: StaticString) {
        #if DEBUG
        let name = key.description
        assert(lastKeys.last.map { CanonicalJSON.precedes($0, name) } ?? true, "keys out of order at \(name)")
        lastKeys[lastKeys.count - 1] = name
        #endif
        // The object's first member follows its `{`; any other follows the value before it.
        if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ value: String) {
        CanonicalJSON.writeString(value, to: &bytes)
    }

    mutating func bool(_ value: Bool) {
        let text: StaticString = value ? "true" : "false"
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func integer(_ value: Int) {
        CanonicalJSON.writeInteger(Int64(value), to: &bytes)
    }

    mutating func unsigned(_ value: UInt64) {
        CanonicalJSON.writeUnsigned(value, to: &bytes)
    }

    /// A member; `JSONEncoder` leaves out a nil optional's key altogether.
    mutating func member<Value: CanonicalJSONWritable>(_ name: StaticString, _ value: Value?) {
        guard let value else { return }
        key(name)
        value.write(to: &self)
    }

    mutating func member<Value: CanonicalJSONWritable>(_ name: StaticString, _ values: [Value]?) {
        guard let values else { return }
        key(name)
        array(values) { writer, value in value.write(to: &writer) }
    }
}
