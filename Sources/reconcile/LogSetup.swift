import Foundation
import Logging
import Unattended

/// Library logs go to stderr, so stdout stays the plan or the progress a user reads;
/// warnings only unless `--verbose` or RECONCILE_LOG_LEVEL asks for more.
enum LogSetup {
    /// `events`: `--log-format json`'s log, which library logs then join as JSON lines.
    static func configure(verbose: Bool, events: EventLog? = nil) {
        let environment = ProcessInfo.processInfo.environment["RECONCILE_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        let level = verbose ? .debug : (environment ?? .warning)
        LoggingSystem.bootstrap { label in
            if let events { return JSONLogHandler(label: label, log: events, logLevel: level) }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
