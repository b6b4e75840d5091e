import Logging
import Synchronization

/// Keeps every message logged through it, for tests of what --verbose shows.
struct CapturingLogHandler: LogHandler {
    final class Store: Sendable {
        let messages = Mutex<[String]>([])
    }

    let store: Store
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        store.messages.withLock { $0.append("\(event.level) \(event.message)") }
    }
}
