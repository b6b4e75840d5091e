/// The management agent installed in the guest over SSH (`VirtualMachine.spec.agent`).
public struct AgentSpec: Sendable, Hashable, Codable {
    public static let defaultService = "sysmanage-agent"
    public static let defaultPort = 8443

    /// The SysManage server's host name or address (from `server.url`, with or without its scheme).
    public var serverHost: String
    public var port: Int
    public var https: Bool
    /// `server.verify_ssl`: whether the agent checks the server's certificate.
    public var verifySSL: Bool
    public var registrationTokenFile: String?
    public var service: String
    /// nil: where the guest's init script looks (systemd and OpenRC differ upstream).
    public var configPath: String?

    public init(serverHost: String, port: Int = AgentSpec.defaultPort, https: Bool = true, verifySSL: Bool = true,
                registrationTokenFile: String? = nil, service: String = AgentSpec.defaultService, configPath: String? = nil) {
        self.serverHost = serverHost
        self.port = port
        self.https = https
        self.verifySSL = verifySSL
        self.registrationTokenFile = registrationTokenFile
        self.service = service
        self.configPath = configPath
    }

}
