/// Collects what reading one manifest document finds: its problems and where each field was written.
final class DocumentContext {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var marks: [String: SourceLocation] = [:]

    init(file: String) {
        self.file = file
    }

    func error(_ location: SourceLocation, field: String?, _ message: String) {
        diagnostics.append(Diagnostic(location, field: field, message))
    }

    func mark(_ path: String, at location: SourceLocation) {
        marks[path] = location
    }
}
