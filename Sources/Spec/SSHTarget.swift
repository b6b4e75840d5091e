/// `user@host[:port]`, the form OpenSSH's `ssh` takes, with the port split out.
public struct SSHTarget: Sendable, Hashable, Codable, CustomStringConvertible {
    public var user: String?
    public var host: String
    public var port: Int?

    public init?(_ text: String) {
        var rest = Substring(text)
        if let at = rest.lastIndex(of: "@") {
            user = String(rest[..<at])
            rest = rest[rest.index(after: at)...]
            if user?.isEmpty == true { return nil }
        }
        if let colon = rest.lastIndex(of: ":"), !rest.hasPrefix("[") {
            guard let port = Int(rest[rest.index(after: colon)...]), (1...65535).contains(port) else { return nil }
            self.port = port
            rest = rest[..<colon]
        }
        guard !rest.isEmpty, !rest.contains(where: { $0 == " " || $0 == "/" }) else { return nil }
        host = String(rest)
    }

    static func isValid(_ text: String) -> Bool { SSHTarget(text) != nil }

    public var destination: String { user.map { "\($0)@\(host)" } ?? host }

    public var description: String { port.map { "\(destination):\($0)" } ?? destination }
}
