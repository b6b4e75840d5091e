import Foundation
import Localization

/// `agent.server.url` as a user writes it: a bare host name or address, or a full URL
/// (`https://sysmanage.example.com:8443`), which is what the upstream agent's `server.url` holds.
public struct AgentServerURL: Sendable, Hashable {
    public struct Problem: Error, Sendable, Hashable {
        public var message: LocalizedMessage
    }

    public var host: String
    /// nil for a bare host: `server.https` decides.
    public var https: Bool?
    /// nil when not written: `server.port` decides.
    public var port: Int?

    public static func parse(_ text: String) -> Result<AgentServerURL, Problem> {
        guard text.contains("://") else {
            guard isHost(text) else {
                return .failure(Problem(message: LocalizedMessage("spec.agentURLNeither", ["text": text])))
            }
            return .success(AgentServerURL(host: text, https: nil, port: nil))
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http" else {
            return .failure(Problem(message: LocalizedMessage("spec.agentURLScheme", ["text": text])))
        }
        guard let host = components.host, !host.isEmpty, isHost(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))) else {
            return .failure(Problem(message: LocalizedMessage("spec.urlNoHost", ["url": text])))
        }
        // The agent adds server.api_path itself; anything else in the URL would be silently dropped.
        guard components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil,
              components.user == nil, components.password == nil else {
            return .failure(Problem(message: LocalizedMessage("spec.agentURLPath", ["text": text])))
        }
        if let port = components.port, !(1...65535).contains(port) {
            return .failure(Problem(message: LocalizedMessage("spec.agentURLPort", ["text": text, "port": String(port)])))
        }
        return .success(AgentServerURL(host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")),
                                       https: scheme == "https", port: components.port))
    }

    /// Letters, digits, '.', '-' and ':' (an IPv6 address); no leading '-'.
    static func isHost(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && text.utf8.count <= 253
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-:".contains($0)) }
    }
}
