import HostCommands
import Localization

/// A failure inside the adapter that is not libvirt's own (unexpected XML, a missing object), worded
/// in the user's language; `message` keeps the key for machine-read output (`message.english`).
public struct LibvirtAdapterError: LocalizedDescription, Sendable {
    public var message: LocalizedMessage

    public init(_ message: LocalizedMessage) {
        self.message = message
    }

    public func description(_ localizer: Localizer) -> String { localizer.text(message) }
}
