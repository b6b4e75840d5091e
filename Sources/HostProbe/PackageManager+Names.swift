import Localization

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
    func problem(with name: String) -> LocalizedMessage? {
        guard !name.isEmpty else { return LocalizedMessage("detect.packageName.empty") }
        if name.hasPrefix("-") { return LocalizedMessage("detect.packageName.option") }
        if name.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            return LocalizedMessage("detect.packageName.whitespace")
        }
        if name.contains("=") { return LocalizedMessage("detect.packageName.pin") }
        // A dnf group is its name behind one '@'.
        let body = self == .dnf && name.hasPrefix("@") ? name.dropFirst() : Substring(name)
        guard let first = body.first, first.isASCII, first.isLetter || first.isNumber,
              body.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || allowedPunctuation.contains($0)) }) else {
            return spelling
        }
        if self == .apt, name.contains(where: \.isUppercase) { return spelling }
        return nil
    }

    /// Characters a name may hold besides ASCII letters and digits: ':' for an architecture (apt)
    /// or a kind (zypper's `pattern:`, apk's `so:`), '_' as in `patterns-server-kvm_server`.
    var allowedPunctuation: Set<Character> {
        self == .apt ? ["+", "-", ".", ":"] : ["+", "-", ".", ":", "_"]
    }

    /// What this manager's names look like.
    var spelling: LocalizedMessage {
        switch self {
        case .apt: LocalizedMessage("detect.packageName.spelling.apt", ["manager": rawValue])
        case .dnf: LocalizedMessage("detect.packageName.spelling.dnf", ["manager": rawValue])
        case .zypper, .apk: LocalizedMessage("detect.packageName.spelling.other", ["manager": rawValue])
        }
    }
}
