import Foundation

/// The status for programs: the report's own fields, sorted keys, `formatVersion` for compatibility.
public struct StatusJSONRenderer: Sendable {
    public init() {}

    public func render(_ report: StatusReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and booleans cannot fail; an empty object keeps the output JSON.
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
