/// Writes canonical JSON (the bytes `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]`)
/// straight from a value's fields, for the types hashed once per VM in every plan: going through
/// `Encodable` builds a tree of boxed nodes and sorts every object's keys, which was most of planning
/// 1,000 VMs once the hosts had been read. Each writer names its keys in sorted order itself; debug
/// builds check that order, and the tests compare every writer with `JSONEncoder`.
struct CanonicalJSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open object or array: whether a member was written, so the next one needs a comma.
    private var hasMembers: [Bool] = []
    #if DEBUG
    private var lastKeys: [String] = []
    #endif

    init() {
        bytes.reserveCapacity(1024)
    }

    mutating func object(_ writeMembers: (inout CanonicalJSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        hasMembers.append(false)
        #if DEBUG
        lastKeys.append("")
        #endif
        writeMembers(&self)
        #if DEBUG
        lastKeys.removeLast()
        #endif
        hasMembers.removeLast()
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
        if hasMembers[hasMembers.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasMembers[hasMembers.count - 1] = true
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ value: String) {
        CanonicalJSON.writeString(value, to: &bytes)
    }

    mutating func bool(_ value: Bool) {
        if value {
            bytes.append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e")])
        } else {
            bytes.append(contentsOf: [UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "e")])
        }
    }

    mutating func integer(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            unsigned(value.magnitude)
        } else {
            unsigned(UInt(value))
        }
    }

    mutating func unsigned<Number: UnsignedInteger & FixedWidthInteger>(_ value: Number) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for UInt64.max's 20 digits
        var remaining = UInt64(value)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[buffer.count - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            bytes.append(contentsOf: buffer[(buffer.count - count)...])
        }
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
