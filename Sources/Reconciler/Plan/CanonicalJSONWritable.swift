/// A value that writes its canonical JSON itself, with exactly the bytes `JSONEncoder` gives its
/// synthesized `Encodable` conformance (sorted keys, nil optionals left out); `SpecHash` then hashes
/// it without going through `Encodable`.
protocol CanonicalJSONWritable: Encodable {
    func write(to writer: inout CanonicalJSONWriter)
}
