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
