import Spec

// The scalar values of the hashed definitions, written as `JSONEncoder` writes them.

extension String: CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter) { writer.string(self) }
}

extension Bool: CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter) { writer.bool(self) }
}

extension Int: CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter) { writer.integer(self) }
}

extension UInt64: CanonicalJSONWritable {
    func write(to writer: inout CanonicalJSONWriter) { writer.unsigned(self) }
}

/// An enumeration with string raw values is written as its raw value.
extension CanonicalJSONWritable where Self: RawRepresentable<String> {
    func write(to writer: inout CanonicalJSONWriter) { writer.string(rawValue) }
}

extension DiskBus: CanonicalJSONWritable {}
extension DiskFormat: CanonicalJSONWritable {}
extension Firmware: CanonicalJSONWritable {}
