/// Reads Alpine's installed database (/lib/apk/db/installed): one stanza per
/// package, `P:` name and `V:` version lines, stanzas separated by blank lines.
public enum ApkDatabaseParser {
    /// Installed package name → version.
    public static func installedPackages(in text: String) -> [String: String] {
        var result: [String: String] = [:]
        var name: String?
        var version: String?
        func finish() {
            if let name, let version { result[name] = version }
            name = nil
            version = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingWhitespace.isEmpty {
                finish()
            } else if line.hasPrefix("P:") {
                name = String(line.dropFirst(2))
            } else if line.hasPrefix("V:") {
                version = String(line.dropFirst(2))
            }
        }
        finish()
        return result
    }
}
