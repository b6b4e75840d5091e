import Crypto
import Foundation
import Spec

/// SHA-256 over a value's canonical JSON (sorted keys): equal values hash equal on every run.
enum SpecHash {
    static func of<Value: Encodable>(_ value: Value) -> String {
        if let bytes = try? CanonicalJSON.encode(value) { return SHA256.hash(data: bytes).hexString }
        return viaJSONEncoder(value)
    }

    /// The same hash for a type that writes its canonical JSON itself.
    static func of<Value: CanonicalJSONWritable>(_ value: Value) -> String {
        var writer = CanonicalJSONWriter()
        value.write(to: &writer)
        return SHA256.hash(data: writer.bytes).hexString
    }

    /// The definition of the hash: what `CanonicalJSON` writes faster, and what it falls back to.
    static func viaJSONEncoder<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "" }
        return SHA256.hash(data: data).hexString
    }
}
