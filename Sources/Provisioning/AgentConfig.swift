import Foundation
import HostCommands

/// Settings for sysmanage-agent inside a guest.
public struct AgentConfig: Sendable, Hashable {
    /// Where the upstream systemd unit points `SYSMANAGE_CONFIG`.
    public static let defaultConfigPath = "/etc/sysmanage-agent.yaml"
    /// Where the upstream OpenRC script points `SYSMANAGE_CONFIG` (a different path).
    public static let openRCConfigPath = "/etc/sysmanage-agent/sysmanage-agent.yaml"
    public static let defaultServiceName = "sysmanage-agent"

    /// The SysManage server's host name or address.
    public var serverHost: String
    public var port: Int
    public var useHTTPS: Bool
    public var verifySSL: Bool
    /// A file holding the registration (auto-approve) token; read at render time,
    /// so the token never sits in a spec or a plan.
    public var registrationTokenFile: URL?
    public var configPath: String
    public var serviceName: String

    public init(
        serverHost: String,
        port: Int,
        useHTTPS: Bool,
        verifySSL: Bool = true,
        registrationTokenFile: URL? = nil,
        configPath: String = AgentConfig.defaultConfigPath,
        serviceName: String = AgentConfig.defaultServiceName
    ) {
        self.serverHost = serverHost
        self.port = port
        self.useHTTPS = useHTTPS
        self.verifySSL = verifySSL
        self.registrationTokenFile = registrationTokenFile
        self.configPath = configPath
        self.serviceName = serviceName
    }

    /// The config path the guest's init system reads when the manifest names none.
    public static func configPath(for manager: ServiceManager) -> String {
        manager == .openrc ? openRCConfigPath : defaultConfigPath
    }

    /// `server.url` as the upstream agent reads it: scheme, host and port.
    public var serverURL: String {
        let host = serverHost.contains(":") ? "[\(serverHost)]" : serverHost
        return "\(useHTTPS ? "https" : "http")://\(host):\(port)"
    }
}
