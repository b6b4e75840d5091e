import HostCommands
import Localization

/// A failure inside the adapter that is not libvirt's own (unexpected XML, a missing object), worded
/// in the reader's language; `englishDescription` is for machine-read output.
public struct LibvirtAdapterError: LocalizedDescription, Sendable {
    public var message: LocalizedMessage
    /// Placeholders of `message` filled with a list of messages (`disk vdb, NIC 52:54:…`), each item
    /// worded in the same language as the message.
    private var lists: [String: [LocalizedMessage]] = [:]

    public init(_ message: LocalizedMessage, listing lists: [String: [LocalizedMessage]] = [:]) {
        self.message = message
        self.lists = lists
    }

    public func description(_ localizer: Localizer) -> String {
        let items = lists.mapValues { $0.map { localizer.text($0) }.joined(separator: ", ") }
        return localizer.text(message.key, message.arguments(for: localizer.locale).merging(items) { given, _ in given })
    }
}
