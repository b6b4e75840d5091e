import Foundation
import Logging

/// Library logs go to stderr, so stdout stays the plan or the progress a user reads;
/// warnings only unless `--verbose` or RECONCILE_LOG_LEVEL asks for more.
enum LogSetup {
    static func configure(verbose: Bool) {
        let environment = ProcessInfo.processInfo.environment["RECONCILE_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        let level = verbose ? .debug : (environment ?? .warning)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
