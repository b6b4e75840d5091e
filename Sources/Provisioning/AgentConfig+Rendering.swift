import Foundation
import Localization
import Yams

extension AgentConfig {
    /// Renders the YAML as the upstream agent reads it: `server.url` (a full URL, which current agents
    /// prefer) and the older `hostname`/`port`/`use_https` triple that agents before August 2026 read
    /// alone; `verify_ssl`; the token under `auto_approve.token`.
    public func render() throws -> RenderedAgentConfig {
        guard (1...65535).contains(port) else {
            throw ProvisioningError(.invalidArgument, LocalizedMessage("provisioning.agentPortOutOfRange", ["port": String(port)]))
        }
        guard !serverHost.isEmpty else {
            throw ProvisioningError(.invalidArgument, LocalizedMessage("provisioning.agentHostEmpty"))
        }
        let y = YAMLBuilder.self
        var pairs: [(String, Node?)] = [
            ("server", y.mapping([
                ("url", y.string(serverURL)),
                ("hostname", y.string(serverHost)),
                ("port", y.int(port)),
                ("use_https", y.bool(useHTTPS)),
                ("verify_ssl", y.bool(verifySSL)),
            ])),
        ]
        let token = try readToken()
        if let token {
            pairs.append(("auto_approve", y.mapping([("token", y.string(token))])))
        }
        let content = try YAMLBuilder.emit(y.mapping(pairs))
        return RenderedAgentConfig(path: configPath, content: content, hasToken: token != nil)
    }

    private func readToken() throws -> String? {
        guard let registrationTokenFile else { return nil }
        let text: String
        do {
            text = try String(contentsOf: registrationTokenFile, encoding: .utf8)
        } catch {
            throw ProvisioningError(.notFound, LocalizedMessage("provisioning.tokenFileUnreadable", ["path": registrationTokenFile.path]))
        }
        let token = text.trimmed(of: " \n\r\t")
        guard !token.isEmpty else {
            throw ProvisioningError(.invalidArgument, LocalizedMessage("provisioning.tokenFileEmpty", ["path": registrationTokenFile.path]))
        }
        // The token becomes one YAML value in the guest; a second line or a control character means
        // the file is not a token file (and its content is never shown).
        guard token.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }) else {
            throw ProvisioningError(.invalidArgument, LocalizedMessage("provisioning.tokenFileNotOneLine", ["path": registrationTokenFile.path]))
        }
        return token
    }
}
