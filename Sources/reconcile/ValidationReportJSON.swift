import Foundation
import Spec

/// `validate --output json`: every problem with its position, for editors and CI annotations.
enum ValidationReportJSON {
    struct Document: Encodable {
        struct Problem: Encodable {
            var file: String
            var line: Int
            var column: Int
            /// The dotted field path (`spec.memory`), or null for a problem of the whole file.
            var field: String?
            var message: String
            var severity: String

            // Written out so that a problem without a field carries `"field": null` rather than no key.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(file, forKey: .file)
                try container.encode(line, forKey: .line)
                try container.encode(column, forKey: .column)
                try container.encode(field, forKey: .field)
                try container.encode(message, forKey: .message)
                try container.encode(severity, forKey: .severity)
            }

            enum CodingKeys: String, CodingKey { case file, line, column, field, message, severity }
        }

        var formatVersion = 1
        var valid: Bool
        var problems: [Problem]
    }

    static func render(_ diagnostics: [Diagnostic]) -> String {
        let document = Document(valid: diagnostics.allSatisfy { $0.severity != .error }, problems: diagnostics.map {
            .init(file: $0.location.file, line: $0.location.line, column: $0.location.column, field: $0.field,
                  message: $0.message, severity: $0.severity.rawValue)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }
}
