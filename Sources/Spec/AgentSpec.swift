/// The management agent installed in the guest over SSH (`VirtualMachine.spec.agent`).
public struct AgentSpec: Sendable, Hashable, Codable {
    public static let defaultService = "sysmanage-agent"
    public static let defaultConfigPath = "/etc/sysmanage-agent.yaml"

    public var serverURL: String
    public var port: Int
    public var https: Bool
    public var registrationTokenFile: String?
    public var service: String
    public var configPath: String

    public init(serverURL: String, port: Int = 8443, https: Bool = true, registrationTokenFile: String? = nil,
                service: String = AgentSpec.defaultService, configPath: String = AgentSpec.defaultConfigPath) {
        self.serverURL = serverURL
        self.port = port
        self.https = https
        self.registrationTokenFile = registrationTokenFile
        self.service = service
        self.configPath = configPath
    }
}
