import Foundation
import Logging
import Unattended

/// Library logs as JSON lines beside the step and pass events (`--log-format json`), so a log shipper
/// reading stderr sees one JSON object per line and nothing else.
struct JSONLogHandler: LogHandler {
    struct Event: Encodable {
        var event = "log"
        var time: Date
        var level: String
        var label: String
        var message: String
        var metadata: [String: String]?
    }

    let label: String
    let log: EventLog
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        log.emit(Event(time: Date(), level: event.level.rawValue, label: label, message: event.message.description,
                       metadata: merged.isEmpty ? nil : merged.mapValues { $0.description }))
    }
}
