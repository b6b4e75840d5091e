/// Reads dpkg's status database (/var/lib/dpkg/status): RFC 822-style
/// stanzas separated by blank lines. Only packages whose Status is
/// "install ok installed" count; removed-but-configured ones ("deinstall ok
/// config-files") still have stanzas and must not.
public enum DpkgStatusParser {
    /// Installed package name → version.
    public static func installedPackages(in text: String) -> [String: String] {
        var result: [String: String] = [:]
        var name: String?
        var version: String?
        var installed = false
        func finish() {
            if let name, let version, installed { result[name] = version }
            name = nil
            version = nil
            installed = false
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingWhitespace.isEmpty {
                finish()
                continue
            }
            // Continuation lines (descriptions, conffiles) start with a space.
            if line.first == " " || line.first == "\t" { continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon]
            let value = line[line.index(after: colon)...].trimmingWhitespace
            switch key {
            case "Package": name = value
            case "Version": version = value
            case "Status": installed = value.split(separator: " ").last == "installed" && value.hasPrefix("install ")
            default: break
            }
        }
        finish()
        return result
    }
}
