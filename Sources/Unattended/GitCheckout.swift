/// Where one pass reads its manifests from, and the commit they are at.
public struct GitCheckout: Sendable, Equatable {
    public var commit: String
    public var manifestDirectory: String
}
