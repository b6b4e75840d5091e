import Localization

/// Which libvirt connection URIs reconcile accepts, from a manifest or `--connect`.
///
/// A URI is handed to libvirt, which may act on it locally: the `ext` transport and the `command=`
/// parameter run a program, `netcat=` names one to run on the host, `no_verify` and `known_hosts*`
/// switch off or redirect SSH host-key checks, and `keyfile`/`pkipath` point the client at files
/// anywhere. Only known drivers and transports, a plain host and path, and a short list of harmless
/// parameters pass; anything else is an error before a connection is opened.
public enum LibvirtURI {
    public static let drivers: Set<String> = ["qemu", "test", "lxc", "xen", "vbox", "bhyve", "ch"]
    public static let transports: Set<String> = ["unix", "ssh", "libssh", "libssh2", "tls", "tcp"]
    /// Parameters that only choose between libvirt's own behaviours.
    public static let parameters: Set<String> = ["socket", "mode", "proxy", "no_tty", "sshauth", "no_delay"]

    /// What is wrong with `uri`, or nil when reconcile may connect to it.
    public static func problem(_ uri: String) -> DiagnosticText? {
        if let unsafe = UnsafeCharacters.problem(in: uri, multiline: false) {
            return DiagnosticText(LocalizedMessage("spec.uriUnsafe"), nested: ["problem": unsafe])
        }
        return syntaxProblem(uri).map { DiagnosticText($0) }
    }

    private static func syntaxProblem(_ uri: String) -> LocalizedMessage? {
        guard uri.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            return LocalizedMessage("spec.uriNotASCII")
        }
        guard let separator = uri.range(of: "://") else {
            return LocalizedMessage("spec.uriInvalid")
        }
        let scheme = uri[..<separator.lowerBound].lowercased()
        let parts = scheme.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard drivers.contains(parts[0]) else {
            return LocalizedMessage("spec.uriUnknownDriver", ["driver": parts[0], "drivers": drivers.sorted().joined(separator: ", ")])
        }
        if parts.count == 2 {
            if parts[1] == "ext" { return LocalizedMessage("spec.uriExtTransport") }
            guard transports.contains(parts[1]) else {
                return LocalizedMessage("spec.uriUnknownTransport", ["transport": parts[1], "transports": transports.sorted().joined(separator: ", ")])
            }
        }
        var rest = uri[separator.upperBound...]
        guard !rest.contains("#") else { return LocalizedMessage("spec.uriFragment") }
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        if let problem = authorityProblem(rest[..<slash]) { return problem }
        if let problem = pathProblem(rest[slash...]) { return problem }
        for parameter in query.split(whereSeparator: { $0 == "&" || $0 == ";" }) {
            if let problem = parameterProblem(parameter) { return problem }
        }
        return nil
    }

    private static func authorityProblem(_ authority: Substring) -> LocalizedMessage? {
        var host = authority
        if let at = authority.lastIndex(of: "@") {
            let user = authority[..<at]
            guard !user.isEmpty, user.first != "-", user.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                return LocalizedMessage("spec.uriUser")
            }
            host = authority[authority.index(after: at)...]
        }
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]"),
                  host[host.index(after: host.startIndex)..<close].allSatisfy({ $0.isHexDigit && $0.isASCII || $0 == ":" || $0 == "." }) else {
                return LocalizedMessage("spec.uriIPv6Host")
            }
            host = host[host.index(after: close)...]
            guard host.isEmpty || host.hasPrefix(":") else { return LocalizedMessage("spec.uriTextAfterBracket") }
            return portProblem(host.dropFirst())
        }
        var port: Substring = ""
        if let colon = host.firstIndex(of: ":") {
            port = host[host.index(after: colon)...]
            host = host[..<colon]
            if let problem = portProblem(port) { return problem }
        }
        guard host.first != "-", host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-".contains($0)) }) else {
            return LocalizedMessage("spec.uriInvalidHost", ["host": String(host)])
        }
        return nil
    }

    private static func portProblem(_ port: Substring) -> LocalizedMessage? {
        guard !port.isEmpty else { return nil }
        guard port.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(port), (1...65535).contains(value) else {
            return LocalizedMessage("spec.uriPort")
        }
        return nil
    }

    private static func pathProblem(_ path: Substring) -> LocalizedMessage? {
        guard path.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/._-".contains($0)) }) else {
            return LocalizedMessage("spec.uriPathCharacters")
        }
        guard !path.split(separator: "/").contains("..") else { return LocalizedMessage("spec.uriPathDotDot") }
        return nil
    }

    private static func parameterProblem(_ parameter: Substring) -> LocalizedMessage? {
        let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        // libvirt percent-decodes names and values, so a name is judged decoded: comm%61nd is command.
        guard let name = percentDecoded(pair[0]), let value = percentDecoded(pair.count == 2 ? pair[1] : "") else {
            return LocalizedMessage("spec.uriPercentEscape")
        }
        switch name.lowercased() {
        case "command", "netcat":
            return LocalizedMessage("spec.uriParameterProgram", ["name": name])
        case "no_verify", "known_hosts", "known_hosts_verify":
            return LocalizedMessage("spec.uriParameterHostKeys", ["name": name])
        case "keyfile", "pkipath":
            return LocalizedMessage("spec.uriParameterKeyFile", ["name": name])
        case "socket":
            let components = value.split(separator: "/")
            guard value.hasPrefix("/run/") || value.hasPrefix("/var/run/"), !components.contains(".."),
                  value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/._-".contains($0)) }) else {
                return LocalizedMessage("spec.uriParameterSocket")
            }
            return nil
        case let other where parameters.contains(other):
            guard value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ",._-".contains($0)) }) else {
                return LocalizedMessage("spec.uriParameterValue", ["name": name])
            }
            return nil
        default:
            return LocalizedMessage("spec.uriParameterUnsupported", ["name": name, "parameters": parameters.sorted().joined(separator: ", ")])
        }
    }

    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let first = utf8.index(after: index)
                guard first < utf8.endIndex, utf8.index(after: first) < utf8.endIndex,
                      let value = UInt8(String(decoding: [utf8[first], utf8[utf8.index(after: first)]], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
                index = utf8.index(first, offsetBy: 2)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        let decoded = String(decoding: bytes, as: UTF8.self)
        // A decoded control character is as unsafe as a literal one.
        return UnsafeCharacters.problem(in: decoded, multiline: false) == nil ? decoded : nil
    }
}
