import Localization

/// Collects what reading one manifest document finds: its problems, and for the field catalog the
/// keys each mapping accepts.
final class DocumentContext {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The keys each mapping's reader knows, by path with list indices dropped (`spec.disks[]`): what
    /// the field catalog's test compares with `FieldCatalog`.
    private(set) var acceptedKeys: [String: Set<String>] = [:]
    /// Only the catalog asks for `acceptedKeys`; a load skips the set unions (a twentieth of its time).
    let recordsAcceptedKeys: Bool

    init(file: String, recordsAcceptedKeys: Bool = false) {
        self.file = file
        self.recordsAcceptedKeys = recordsAcceptedKeys
    }

    func error(_ location: SourceLocation, field: String?, _ message: DiagnosticText) {
        diagnostics.append(Diagnostic(location, field: field, message))
    }

    func error(_ location: SourceLocation, field: String?, _ message: LocalizedMessage) {
        error(location, field: field, DiagnosticText(message))
    }

    func accept(_ keys: Set<String>, at path: String) {
        guard recordsAcceptedKeys else { return }
        guard path.contains("[") else {
            acceptedKeys[path, default: []].formUnion(keys)
            return
        }
        var general = ""
        var inIndex = false
        for character in path {
            if character == "[" { inIndex = true; general.append("[") }
            else if character == "]" { inIndex = false; general.append("]") }
            else if !inIndex { general.append(character) }
        }
        acceptedKeys[general, default: []].formUnion(keys)
    }
}
