import HostCommands

/// The Linux distribution of the probed host.
public struct Distribution: Sendable, Codable, Equatable {
    public var id: String
    public var version: String?
    public var idLike: [String]
    public var name: String?
    public var packageManager: PackageManager?
    public var serviceManager: ServiceManager

    public init(
        id: String, version: String?, idLike: [String], name: String?,
        packageManager: PackageManager?, serviceManager: ServiceManager
    ) {
        self.id = id
        self.version = version
        self.idLike = idLike
        self.name = name
        self.packageManager = packageManager
        self.serviceManager = serviceManager
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encode(idLike, forKey: .idLike)
        try container.encode(name, forKey: .name)
        try container.encode(packageManager, forKey: .packageManager)
        try container.encode(serviceManager, forKey: .serviceManager)
    }
}
