import Foundation

/// The bytes `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]`, written without it.
///
/// Spec hashes are recorded on every host, so their bytes may never change; but a plan hashes every
/// VM's definition, and `JSONEncoder`'s generic boxing and dynamic casts were half of planning 1,000
/// VMs. This writes the same text for the values reconcile hashes (strings, integers, booleans, nil,
/// keyed and unkeyed containers); a value it cannot write exactly the same (floating point, dates,
/// data, URLs, decimals, `superEncoder`) makes it throw, and the caller falls back to `JSONEncoder`.
enum CanonicalJSON {
    struct Unsupported: Error {}

    static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = CanonicalJSONEncoder()
        try encoder.encodeValue(value)
        guard let root = encoder.root, !encoder.unsupported else { throw Unsupported() }
        var output: [UInt8] = []
        output.reserveCapacity(512)
        root.write(to: &output)
        return output
    }

    /// Object keys in `JSONEncoder`'s `.sortedKeys` order: by UTF-8 bytes, as FoundationEssentials'
    /// `JSONWriter` sorts them (not by the locale-aware comparison older Foundation used).
    static func precedes(_ first: String, _ second: String) -> Bool {
        var (first, second) = (first, second)
        return first.withUTF8 { left in
            second.withUTF8 { right in
                let common = min(left.count, right.count)
                if common > 0, let leftBytes = left.baseAddress, let rightBytes = right.baseAddress {
                    let order = memcmp(leftBytes, rightBytes, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
    }

    /// The positions of `keys` in `precedes` order, equal keys in the order given. Each key's first 16
    /// bytes are read once, as two big-endian numbers: comparing those decides nearly every pair, where
    /// calling `precedes` for each comparison of the sort was a fifth of hashing a domain definition.
    static func sortedOrder(of keys: [String]) -> [Int] {
        let sortKeys = keys.indices.map { index in SortKey(keys[index], index: index) }
        return sortKeys.sorted { first, second in
            if first.high != second.high { return first.high < second.high }
            if first.low != second.low { return first.low < second.low }
            if first.length > 16 || second.length > 16 {
                // Alike in their first 16 bytes: only the rest can tell.
                if keys[first.index] != keys[second.index] { return precedes(keys[first.index], keys[second.index]) }
            } else if first.length != second.length {
                // Zero padding made them alike: the shorter is a prefix of the longer.
                return first.length < second.length
            }
            return first.index < second.index
        }.map(\.index)
    }

    /// A key's first 16 UTF-8 bytes, zero-padded, as two big-endian numbers: their order is the bytes'.
    struct SortKey {
        var high: UInt64
        var low: UInt64
        var length: Int
        var index: Int

        init(_ key: String, index: Int) {
            var key = key
            var (high, low): (UInt64, UInt64) = (0, 0)
            let length = key.withUTF8 { bytes in
                for (position, byte) in bytes.prefix(16).enumerated() {
                    if position < 8 {
                        high |= UInt64(byte) << (56 - 8 * position)
                    } else {
                        low |= UInt64(byte) << (56 - 8 * (position - 8))
                    }
                }
                return bytes.count
            }
            (self.high, self.low, self.length, self.index) = (high, low, length, index)
        }
    }

    /// A number in decimal, as `JSONEncoder` writes integers; without building a `String` first.
    static func writeInteger(_ value: Int64, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        writeUnsigned(value.magnitude, to: &output)
    }

    static func writeUnsigned(_ value: UInt64, to output: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for UInt64.max's 20 digits
        var remaining = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[buffer.count - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            output.append(contentsOf: buffer[(buffer.count - count)...])
        }
    }

    /// A JSON string as `JSONWriter` escapes it: quote, backslash and C0 controls; slashes stay.
    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Names, paths and numbers have nothing to escape: their bytes go in at once.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                           hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
