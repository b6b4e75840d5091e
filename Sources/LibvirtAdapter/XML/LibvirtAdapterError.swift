/// A failure inside the adapter that is not libvirt's own (unexpected XML, a missing object).
public struct LibvirtAdapterError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
