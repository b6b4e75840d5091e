import Foundation

/// POSIX shell quoting for values put into guest command lines (sh, ash, bash).
public enum ShellQuote {
    public static func quote(_ value: String) -> String {
        let safe = value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:@=+".contains($0)) }
        if safe && !value.isEmpty { return value }
        return "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
