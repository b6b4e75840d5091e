extension PackageManager {
    /// Checks every name before an install command is built: each must be one plain package name
    /// for this package manager. Options (a leading '-'), version pins ('='), several words and
    /// shell or glob characters are refused, so a manifest cannot smuggle anything else in.
    public func validate(_ names: [String]) throws(PackageNameError) {
        for name in names {
            if let reason = problem(with: name) { throw PackageNameError(name: name, manager: self, reason: reason) }
        }
    }

    /// Why `name` is refused, or nil.
    func problem(with name: String) -> String? {
        guard !name.isEmpty else { return "it is empty" }
        if name.hasPrefix("-") { return "it starts with '-' and would be read as an option" }
        if name.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            return "it holds whitespace or control characters"
        }
        if name.contains("=") { return "it holds '=' (version pins are not supported)" }
        // A dnf group is its name behind one '@'.
        let body = self == .dnf && name.hasPrefix("@") ? name.dropFirst() : Substring(name)
        guard let first = body.first, first.isASCII, first.isLetter || first.isNumber,
              body.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || allowedPunctuation.contains($0)) }) else {
            return "\(rawValue) names are \(spelling)"
        }
        if self == .apt, name.contains(where: \.isUppercase) { return "\(rawValue) names are \(spelling)" }
        return nil
    }

    /// Characters a name may hold besides ASCII letters and digits: ':' for an architecture (apt)
    /// or a kind (zypper's `pattern:`, apk's `so:`), '_' as in `patterns-server-kvm_server`.
    var allowedPunctuation: Set<Character> {
        self == .apt ? ["+", "-", ".", ":"] : ["+", "-", ".", ":", "_"]
    }

    var spelling: String {
        switch self {
        case .apt: "lowercase letters, digits and '+', '-', '.' (':ARCH' at the end), starting with a letter or digit"
        case .dnf: "letters, digits and '+', '-', '.', ':', '_', starting with a letter, a digit or '@' for a group"
        case .zypper, .apk: "letters, digits and '+', '-', '.', ':', '_', starting with a letter or digit"
        }
    }
}
