import HostCommands
import Localization

/// A failure inside the adapter that is not libvirt's own (unexpected XML, a missing object), worded
/// in the reader's language; `englishDescription` is for machine-read output.
public struct LibvirtAdapterError: LocalizedDescription, Sendable {
    /// The catalog message, when the error has one.
    public var message: LocalizedMessage?
    private var fixedText: String?

    public init(_ message: LocalizedMessage) {
        self.message = message
    }

    /// Text that is not in the catalogs: the same in every language.
    public init(_ text: String) {
        self.fixedText = text
    }

    public func description(_ localizer: Localizer) -> String {
        message.map { localizer.text($0) } ?? fixedText ?? ""
    }
}
