import Localization

/// Name rules libvirt, Linux and DNS impose, checked before anything reaches a host.
public enum Naming {
    /// VM names become hostnames: one DNS label.
    static func isValidHostLabel(_ name: String) -> Bool {
        let bytes = name.utf8
        guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        return isASCII(name, lettersDigitsAnd: "-")
    }

    /// Networks, pools and distributions: what libvirt accepts and a file name can hold.
    static func isValidObjectName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard (1...64).contains(bytes.count), let first = bytes.first, isASCIILetterOrDigit(first) else { return false }
        return isASCII(name, lettersDigitsAnd: "-_.")
    }

    /// A volume in a pool, named by the manifest: a file name in the pool's directory, never a path.
    static func isValidVolumeName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard (1...255).contains(bytes.count), bytes.first != UInt8(ascii: "."), bytes.first != UInt8(ascii: "-") else { return false }
        return isASCII(name, lettersDigitsAnd: "-_.+")
    }

    static func isValidDiskName(_ name: String) -> Bool {
        (1...32).contains(name.utf8.count) && isASCII(name, lettersDigitsAnd: "-_")
    }

    /// Linux limits interface names to 15 bytes (IFNAMSIZ - 1); the kernel refuses '/', ':' and spaces,
    /// and names go into `ip` command lines and XML, so only a safe subset is allowed.
    static func isValidInterfaceName(_ name: String) -> Bool {
        (1...15).contains(name.utf8.count) && name != "." && name != ".." && name.utf8.first != UInt8(ascii: "-")
            && isASCII(name, lettersDigitsAnd: "_.-")
    }

    /// Whether every character of `name` is an ASCII letter or digit or one of `punctuation`. Checked
    /// byte by byte: every name a manifest holds is checked on every run, and these rules admit ASCII
    /// only, where a byte is a character (so byte counts are character counts for any name they pass).
    private static func isASCII(_ name: String, lettersDigitsAnd punctuation: String) -> Bool {
        name.utf8.allSatisfy { isASCIILetterOrDigit($0) || punctuation.utf8.contains($0) }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }

    static func isValidMAC(_ mac: String) -> Bool {
        let parts = mac.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 6 && parts.allSatisfy { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isHexDigit } }
    }

    /// The low bit of the first octet marks a group address, which no NIC may use as its own.
    static func isMulticastMAC(_ mac: String) -> Bool {
        guard let first = mac.split(separator: ":").first, let octet = UInt8(first, radix: 16) else { return false }
        return octet & 1 == 1
    }

    /// A host name of one or more DNS labels (RFC 1123), at most 253 characters.
    static func isValidHostname(_ name: String) -> Bool {
        name.utf8.count <= 253 && !name.hasSuffix(".")
            && name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isValidHostLabel(String($0)) }
    }

    /// Login names as useradd accepts them by default (NAME_REGEX), at most 32 characters.
    static func isValidUserName(_ name: String) -> Bool {
        guard (1...32).contains(name.utf8.count), let first = name.first, first == "_" || ("a"..."z").contains(first) else {
            return false
        }
        let body = name.hasSuffix("$") ? name.dropLast() : Substring(name)
        return body.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// A package name for apt, dnf, zypper, apk or pkg: it can never be read as an option (no
    /// leading '-') or a version pin ('='), and holds no space or shell character.
    static func packageNameProblem(_ name: String) -> LocalizedMessage? {
        if (1...128).contains(name.utf8.count), let first = name.first, first.isASCII, first.isLetter || first.isNumber,
           name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+._:-".contains($0)) }) {
            return nil
        }
        return LocalizedMessage("spec.invalidPackageName", ["name": name])
    }

    public static func userNameProblem(_ name: String) -> LocalizedMessage? {
        isValidUserName(name) ? nil : LocalizedMessage("spec.invalidUserName", ["name": name])
    }

    /// An absolute path with no '..' component: where a file is written or read on a host.
    static func absolutePathProblem(_ path: String) -> LocalizedMessage? {
        guard path.hasPrefix("/") else { return LocalizedMessage("spec.pathNotAbsolute", ["path": path]) }
        guard !path.split(separator: "/").contains("..") else { return LocalizedMessage("spec.pathHasDotDot", ["path": path]) }
        return nil
    }
}
