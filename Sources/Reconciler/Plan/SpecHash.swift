import Crypto
import Foundation
import Spec

/// SHA-256 over a value's canonical JSON (sorted keys): equal values hash equal on every run.
enum SpecHash {
    static func of<Value: Encodable>(_ value: Value) -> String {
        if let bytes = try? CanonicalJSON.encode(value) { return hex(SHA256.hash(data: bytes)) }
        return viaJSONEncoder(value)
    }

    /// The same hash for a type that writes its canonical JSON itself.
    static func of<Value: CanonicalJSONWritable>(_ value: Value) -> String {
        var writer = CanonicalJSONWriter()
        value.write(to: &writer)
        return hex(SHA256.hash(data: writer.bytes))
    }

    /// The definition of the hash: what `CanonicalJSON` writes faster, and what it falls back to.
    static func viaJSONEncoder<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "" }
        return hex(SHA256.hash(data: data))
    }

    /// Through the digest's bytes: copying a digest out through its own iterator cost as much again.
    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.withUnsafeBytes { $0.hexString }
    }
}
