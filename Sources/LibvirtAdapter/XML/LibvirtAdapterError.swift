import Localization

/// A failure inside the adapter that is not libvirt's own (unexpected XML, a missing object), worded
/// in the user's language; `message` keeps the key for machine-read output (`message.english`).
public struct LibvirtAdapterError: Error, Sendable, CustomStringConvertible {
    public var message: LocalizedMessage

    public init(_ message: LocalizedMessage) {
        self.message = message
    }

    public var description: String { message.description }
}
