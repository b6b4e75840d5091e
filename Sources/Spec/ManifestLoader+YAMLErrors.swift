import Localization
import Yams

/// LibYAML's errors in words a manifest author can act on, at the position to edit.
extension ManifestLoader {
    static func diagnostic(forYAMLError error: any Error, file: String, text: String,
                           scan: YAMLEventScanner.Result) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return Diagnostic(SourceLocation(file: file, line: 1, column: 1), LocalizedMessage("spec.invalidYAML", ["detail": "\(error)"]))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // A tab in indentation surfaces as "found character that cannot start any token", or as
            // some other complaint a line or two later: name the tab instead.
            if let tab = tabInIndentation(text, upTo: mark.line) {
                return Diagnostic(SourceLocation(file: file, line: tab.line, column: tab.column),
                                  LocalizedMessage("spec.yamlTabIndentation"))
            }
            let prefix = context.map { "\($0.text): " } ?? ""
            return Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column),
                              LocalizedMessage("spec.invalidYAML", ["detail": "\(prefix)\(problem)"]))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // The parser marks the first of the equal keys; the one to fix is the later one.
            let first = SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
            if let duplicate = scan.duplicateKeys.first(where: { $0.first == first }) {
                let field = duplicate.path.isEmpty ? duplicate.key : duplicate.path
                return Diagnostic(duplicate.duplicate, field: field,
                                  .field(field, DiagnosticText(LocalizedMessage("spec.duplicateKey", [
                                      "key": duplicate.key, "line": String(first.line), "column": String(first.column),
                                  ]))))
            }
            return Diagnostic(first, LocalizedMessage("spec.invalidYAMLDuplicateKey", ["keys": duplicates.joined(separator: ", ")]))
        default:
            return Diagnostic(SourceLocation(file: file, line: 1, column: 1), LocalizedMessage("spec.invalidYAML", ["detail": "\(yamlError)"]))
        }
    }

    /// A tab in the indentation of the error's line or the line before it (where LibYAML reports
    /// one it met), with its 1-based line and column. Lines further up are not searched: a tab there
    /// (inside a block scalar, say) did not cause this error.
    static func tabInIndentation(_ text: String, upTo errorLine: Int) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(max(errorLine, 0))
        for (index, line) in lines.enumerated().reversed().prefix(2) {
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            // A line of only whitespace indents nothing.
            guard indentation.count < line.count, let tab = indentation.firstIndex(of: "\t") else { continue }
            return (index + 1, indentation.distance(from: indentation.startIndex, to: tab) + 1)
        }
        return nil
    }
}
