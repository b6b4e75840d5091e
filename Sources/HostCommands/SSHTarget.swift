import Localization

/// A host reached through OpenSSH, written `user@host[:port]` (user and port optional;
/// IPv6 addresses in brackets: `user@[::1]:2222`). Manifests, `--host` and guests all use
/// this one type so that what validates in a manifest is exactly what ssh is later given.
public struct SSHTarget: Sendable, Hashable, Codable, CustomStringConvertible {
    /// nil lets ssh pick the user (ssh_config or the local user name).
    public var user: String?
    public var host: String
    public var port: Int

    public init(user: String?, host: String, port: Int = 22) {
        self.user = user
        self.host = host
        self.port = port
    }

    /// Parses `user@host[:port]`; throws naming what is wrong with the text.
    public init(parsing text: String) throws(SSHTargetError) {
        var rest = Substring(text)
        var user: String?
        if let at = rest.lastIndex(of: "@") {
            user = String(rest[..<at])
            rest = rest[rest.index(after: at)...]
            if user?.isEmpty == true { throw .invalid(text, LocalizedMessage("provisioning.sshTargetEmptyUser")) }
        }
        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw .invalid(text, LocalizedMessage("provisioning.sshTargetMissingBracket")) }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw .invalid(text, LocalizedMessage("provisioning.sshTargetTextAfterBracket"))
            }
        } else if let colon = rest.firstIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        guard !host.isEmpty else { throw .invalid(text, LocalizedMessage("provisioning.sshTargetMissingHost")) }
        // A leading '-' would be read by ssh as an option.
        guard !host.hasPrefix("-"), user?.hasPrefix("-") != true else {
            throw .invalid(text, LocalizedMessage("provisioning.sshTargetLeadingDash"))
        }
        // No host name or address has these; they are a path or two words pasted by mistake.
        guard !host.contains(where: { $0 == " " || $0 == "/" }) else {
            throw .invalid(text, LocalizedMessage("provisioning.sshTargetHostCharacters"))
        }
        var port = 22
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else {
                throw .invalid(text, LocalizedMessage("provisioning.sshTargetPort"))
            }
            port = value
        }
        self.init(user: user, host: String(host), port: port)
    }

    /// Whether `text` parses, for validation that reports its own message.
    public static func isValid(_ text: String) -> Bool {
        (try? SSHTarget(parsing: text)) != nil
    }

    /// The destination argument for ssh: `user@host` or `host`.
    public var destination: String {
        if let user { return "\(user)@\(host)" }
        return host
    }

    public var description: String { "\(destination):\(port)" }
}
