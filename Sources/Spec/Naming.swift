/// Name rules libvirt, Linux and DNS impose, checked before anything reaches a host.
enum Naming {
    /// VM names become hostnames: one DNS label.
    static func isValidHostLabel(_ name: String) -> Bool {
        guard (1...63).contains(name.count), name.first != "-", name.last != "-" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// Networks, pools and distributions: what libvirt accepts and a file name can hold.
    static func isValidObjectName(_ name: String) -> Bool {
        guard (1...64).contains(name.count), let first = name.first, first.isASCII, first.isLetter || first.isNumber else {
            return false
        }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    static func isValidDiskName(_ name: String) -> Bool {
        (1...32).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }
    }

    /// Linux limits interface names to 15 bytes (IFNAMSIZ - 1).
    static func isValidInterfaceName(_ name: String) -> Bool {
        (1...15).contains(name.utf8.count) && !name.contains(where: { $0 == "/" || $0 == ":" || $0.isWhitespace })
    }

    static func isValidMAC(_ mac: String) -> Bool {
        let parts = mac.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 6 && parts.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isHexDigit) }
    }
}
