import Foundation

/// Settings for sysmanage-agent inside a guest.
public struct AgentConfig: Sendable, Hashable {
    public static let defaultConfigPath = "/etc/sysmanage-agent.yaml"
    public static let defaultServiceName = "sysmanage-agent"

    /// The SysManage server's host name or address.
    public var serverURL: String
    public var port: Int
    public var useHTTPS: Bool
    /// A file holding the registration (auto-approve) token; read at render time,
    /// so the token never sits in a spec or a plan.
    public var registrationTokenFile: URL?
    public var configPath: String
    public var serviceName: String

    public init(
        serverURL: String,
        port: Int,
        useHTTPS: Bool,
        registrationTokenFile: URL? = nil,
        configPath: String = AgentConfig.defaultConfigPath,
        serviceName: String = AgentConfig.defaultServiceName
    ) {
        self.serverURL = serverURL
        self.port = port
        self.useHTTPS = useHTTPS
        self.registrationTokenFile = registrationTokenFile
        self.configPath = configPath
        self.serviceName = serviceName
    }
}
