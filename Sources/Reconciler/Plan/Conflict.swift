/// A resource the plan leaves alone because changing it would take something reconcile does not own.
public struct Conflict: Sendable, Hashable, Codable {
    public var address: ResourceAddress
    public var message: String
    public var hint: String

    public init(address: ResourceAddress, message: String, hint: String) {
        self.address = address
        self.message = message
        self.hint = hint
    }
}
