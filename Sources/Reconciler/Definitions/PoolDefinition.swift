import Spec

public struct PoolDefinition: Sendable, Hashable, Codable {
    public var name: String
    public var type: PoolType
    public var path: String

    public init(name: String, type: PoolType, path: String) {
        self.name = name
        self.type = type
        self.path = path
    }
}
