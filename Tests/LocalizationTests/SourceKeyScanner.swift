import Foundation

/// Finds the message keys the sources name as literals: `text("plan.summary"`,
/// `LocalizedMessage("plan.summary"`, and key prefixes completed at run time:
/// `LocalizedMessage("stepKind." + kind.rawValue` or `text("stepKind.\(...)`.
enum SourceKeyScanner {
    static var sourcesDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
    }

    static func keysUsed(under directory: URL) throws -> Set<String> {
        try matches(of: #"\b(?:text|LocalizedMessage)\(\s*"([a-z][A-Za-z0-9]*\.[A-Za-z0-9_.]+)""#, under: directory)
    }

    static func dynamicPrefixes(under directory: URL) throws -> Set<String> {
        try matches(of: #"\b(?:text|LocalizedMessage)\(\s*"([a-z][A-Za-z0-9]*\.[A-Za-z0-9_.]*)(?:\\\(|"\s*\+)"#, under: directory)
    }

    private static func matches(of pattern: String, under directory: URL) throws -> Set<String> {
        let expression = try NSRegularExpression(pattern: pattern)
        var keys: Set<String> = []
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let source = try String(contentsOf: file, encoding: .utf8)
            let range = NSRange(source.startIndex..., in: source)
            for match in expression.matches(in: source, range: range) {
                if let keyRange = Range(match.range(at: 1), in: source) {
                    keys.insert(String(source[keyRange]))
                }
            }
        }
        return keys
    }
}
